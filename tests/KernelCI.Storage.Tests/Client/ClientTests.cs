using System.Net;
using KernelCI.Client.Storage;
using KernelCI.Storage.Tests.Files;
using Microsoft.AspNetCore.TestHost;

namespace KernelCI.Storage.Tests.Client;

public sealed class ClientTests
{
    private static readonly StorageRetryPolicy Fast = new(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Client_uploads_files_and_downloads_them()
    {
        await using var app = await StorageTestApp.StartAsync();
        var client = new StorageClient(app.Client, app.Token(), Fast);
        var folder = Directory.CreateTempSubdirectory().FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "a.log"), "alpha", Cancel);
        await File.WriteAllTextAsync(Path.Combine(folder, "b.txt"), "beta", Cancel);

        await client.UploadFilesAsync("run", [Path.Combine(folder, "a.log"), Path.Combine(folder, "b.txt")], Cancel);
        await client.DownloadToFileAsync("run/b.txt", Path.Combine(folder, "out"), Cancel);

        Assert.Equal("beta", await File.ReadAllTextAsync(Path.Combine(folder, "out"), Cancel));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Client_checkauth_returns_the_email()
    {
        await using var app = await StorageTestApp.StartAsync();

        Assert.Equal("me@example.org", await new StorageClient(app.Client, app.Token("me@example.org"), Fast).CheckAuthAsync(Cancel));
    }

    [Fact]
    public async Task Client_does_not_retry_a_4xx()
    {
        var handler = new ScriptedHandler(HttpStatusCode.Forbidden);
        var client = new StorageClient(new HttpClient(handler) { BaseAddress = new Uri("http://storage/") }, "t", Fast);

        var error = await Assert.ThrowsAsync<StorageClientException>(() => client.UploadAsync("p", "f", () => new MemoryStream([1]), Cancel));

        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Client_retries_a_5xx_until_it_succeeds()
    {
        var handler = new ScriptedHandler(HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        var client = new StorageClient(new HttpClient(handler) { BaseAddress = new Uri("http://storage/") }, "t", Fast);

        await client.UploadAsync("p", "f", () => new MemoryStream([1]), Cancel);

        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task Client_sends_the_token_as_bearer()
    {
        var handler = new ScriptedHandler(HttpStatusCode.OK);
        var client = new StorageClient(new HttpClient(handler) { BaseAddress = new Uri("http://storage/") }, "tok", Fast);

        await client.CheckAuthAsync(Cancel);

        Assert.Equal("Bearer tok", handler.LastAuthorization);
    }

    [Fact]
    public async Task Download_resumes_with_range_after_a_broken_connection()
    {
        await using var app = await StorageTestApp.StartAsync();
        var content = new byte[1_000_000];
        Random.Shared.NextBytes(content);
        (await app.UploadAsync("r", app.Token(), ("f.bin", content))).Dispose();
        var breaking = new BreakOnceHandler(app.App.GetTestServer().CreateHandler(), breakAfter: 300_000);
        var client = new StorageClient(new HttpClient(breaking) { BaseAddress = new Uri("http://localhost/") }, app.Token(), Fast);
        using var destination = new MemoryStream();

        await client.DownloadAsync("r/f.bin", destination, Cancel);

        Assert.Equal(content, destination.ToArray());
        Assert.Equal("bytes=300000-", breaking.SecondRange);
    }

    [Fact]
    public async Task Client_uploads_an_archive()
    {
        await using var app = await StorageTestApp.StartAsync();
        var client = new StorageClient(app.Client, app.Token(), Fast);
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "logs.tar.gz");
        await File.WriteAllBytesAsync(file, TarBuilder.Gzip(TarBuilder.Tar(("a.log", "A"), ("b/c.log", "C"))), Cancel);

        var reply = await client.UploadArchiveAsync("job-9", file, Cancel);

        Assert.Equal(("ok", 2), (reply.Status, reply.Uploaded));
        Assert.Equal("C", await app.Client.GetStringAsync("/job-9/b/c.log", Cancel));
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public async Task Client_retries_after_a_connection_error()
    {
        var handler = new FailFirstHandler(new ScriptedHandler(HttpStatusCode.OK));
        var client = new StorageClient(new HttpClient(handler) { BaseAddress = new Uri("http://storage/") }, "t", Fast);

        Assert.Equal("x", await client.CheckAuthAsync(Cancel));
        Assert.Equal(2, handler.Calls);
    }
}
