using System.Diagnostics.Metrics;
using Azure;
using KernelCI.Storage.Backends;
using KernelCI.Storage.Files;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KernelCI.Storage.Tests;

public sealed class StorageErrorFilterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kernelci-filter-").FullName;
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public async Task Azure_failure_becomes_502()
    {
        var result = await InvokeAsync(new RequestFailedException(500, "Service request failed.", "InternalError", null));

        Assert.Equal(StatusCodes.Status502BadGateway, result.StatusCode);
        Assert.Equal("storage backend error: Azure request failed: 500 InternalError", result.ResponseContent);
    }

    [Fact]
    public async Task Unreachable_backend_becomes_502()
    {
        var result = await InvokeAsync(new HttpRequestException("connection refused"));

        Assert.Equal(StatusCodes.Status502BadGateway, result.StatusCode);
        Assert.Equal("storage backend error: connection refused", result.ResponseContent);
    }

    [Fact]
    public async Task Unreachable_azure_becomes_502_naming_the_connection_failure()
    {
        var result = await InvokeAsync(new RequestFailedException("connection refused", new HttpRequestException("connection refused")));

        Assert.Equal(StatusCodes.Status502BadGateway, result.StatusCode);
        Assert.Equal("storage backend error: connection refused", result.ResponseContent);
    }

    [Fact]
    public async Task Refused_upload_keeps_its_status_and_text()
    {
        var result = await InvokeAsync(new UploadRejectedException(409, "Upload already in progress"));

        Assert.Equal(StatusCodes.Status409Conflict, result.StatusCode);
        Assert.Equal("Upload already in progress", result.ResponseContent);
    }

    [Fact]
    public async Task Key_clashing_with_a_stored_file_becomes_409()
    {
        var result = await InvokeAsync(new KeyConflictException("a parent of a/b is a stored file"));

        Assert.Equal(StatusCodes.Status409Conflict, result.StatusCode);
        Assert.Equal("a parent of a/b is a stored file", result.ResponseContent);
    }

    [Fact]
    public async Task A_bug_is_left_to_the_host()
    {
        await Assert.ThrowsAsync<NullReferenceException>(() => InvokeAsync(new NullReferenceException()));
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<ContentHttpResult> InvokeAsync(Exception thrown)
    {
        var metrics = new StorageMetrics(_services.GetRequiredService<IMeterFactory>(), new LocalBackend(_directory));
        var filter = new StorageErrorFilter(new StorageErrors(metrics, NullLogger<StorageErrors>.Instance));
        var context = new DefaultEndpointFilterInvocationContext(new DefaultHttpContext());
        return Assert.IsType<ContentHttpResult>(await filter.InvokeAsync(context, _ => throw thrown));
    }
}
