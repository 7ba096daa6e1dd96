using System.Net;
using KernelCI.ServiceDefaults.Metrics;
using KernelCI.Storage.Backends;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;

namespace KernelCI.Storage.Tests.Backends;

public sealed class BackendFailureFilterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kernelci-filter-").FullName;

    [Fact]
    public async Task Azure_failure_becomes_502()
    {
        var registry = new MetricsRegistry();
        var filter = new BackendFailureFilter(new StorageMetrics(registry, new LocalBackend(_directory)), NullLogger<BackendFailureFilter>.Instance);
        var context = new DefaultEndpointFilterInvocationContext(new DefaultHttpContext());

        var result = await filter.InvokeAsync(context, _ => throw new AzureStorageException(HttpStatusCode.InternalServerError, "InternalError", "Get Blob"));

        Assert.Equal(StatusCodes.Status502BadGateway, Assert.IsType<ContentHttpResult>(result).StatusCode);
    }

    [Fact]
    public async Task Unreachable_backend_becomes_502()
    {
        var registry = new MetricsRegistry();
        var filter = new BackendFailureFilter(new StorageMetrics(registry, new LocalBackend(_directory)), NullLogger<BackendFailureFilter>.Instance);
        var context = new DefaultEndpointFilterInvocationContext(new DefaultHttpContext());

        var result = await filter.InvokeAsync(context, _ => throw new HttpRequestException("connection refused"));

        Assert.Equal(StatusCodes.Status502BadGateway, Assert.IsType<ContentHttpResult>(result).StatusCode);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
