using System.Net;
using KernelCI.Client.Storage;
using KernelCI.ServiceDefaults;
using KernelCI.Storage.Auth;
using KernelCI.Testing;

namespace KernelCI.EndToEnd.Tests;

public sealed class StorageCrashTests
{
    private const int StoragePort = 4;

    [Fact]
    public async Task SIGKILL_during_an_overwrite_leaves_the_old_version_whole()
    {
        var cancel = TestContext.Current.CancellationToken;
        var dataDirectory = Directory.CreateTempSubdirectory("kernelci-storage-crash-").FullName;
        var token = StorageAuthenticator.IssueToken(new SecretStore(dataDirectory).Get(StorageAuthenticator.SecretName), "crash@example.org", null);
        var basePort = FreePort.BasePort();
        var old = new byte[4 * 1024 * 1024 + 3];
        Random.Shared.NextBytes(old);

        // Given a stored object
        var host = await HostProcess.StartAsync(dataDirectory, null, basePort, "storage", StoragePort);
        using (var http = new HttpClient { BaseAddress = host.Url })
        {
            await new StorageClient(http, token).UploadAsync("crash", "Image", () => new MemoryStream(old), cancel);
        }

        // When the server is killed while a new version of it is half uploaded
        await UploadUntilKilledAsync(host, token, "crash", "Image", cancel);
        await using var restarted = await HostProcess.StartAsync(dataDirectory, null, basePort, "storage", StoragePort);

        // Then the old version is there, whole
        using var client = new HttpClient { BaseAddress = restarted.Url };
        Assert.Equal(old, await client.GetByteArrayAsync("crash/Image", cancel));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(dataDirectory, "storage", "tmp")));
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public async Task SIGKILL_during_a_first_upload_leaves_nothing()
    {
        var cancel = TestContext.Current.CancellationToken;
        var dataDirectory = Directory.CreateTempSubdirectory("kernelci-storage-crash-").FullName;
        var token = StorageAuthenticator.IssueToken(new SecretStore(dataDirectory).Get(StorageAuthenticator.SecretName), "crash@example.org", null);
        var basePort = FreePort.BasePort();

        var host = await HostProcess.StartAsync(dataDirectory, null, basePort, "storage", StoragePort);
        await UploadUntilKilledAsync(host, token, "fresh", "Image", cancel);
        await using var restarted = await HostProcess.StartAsync(dataDirectory, null, basePort, "storage", StoragePort);

        using var client = new HttpClient { BaseAddress = restarted.Url };
        using var response = await client.GetAsync("fresh/Image", cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Directory.Delete(dataDirectory, recursive: true);
    }

    private static async Task UploadUntilKilledAsync(HostProcess host, string token, string path, string name, CancellationToken cancel)
    {
        using var http = new HttpClient { BaseAddress = host.Url };
        var body = new EndlessContent(16 * 1024 * 1024, (byte)'N');
        using var form = new MultipartFormDataContent { { new StringContent(path), "path" }, { body, "file0", name } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "upload") { Content = form };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var upload = http.SendAsync(request, stop.Token);
        await body.Sent.WaitAsync(TimeSpan.FromSeconds(60), cancel);

        await host.KillAsync();
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => upload);
        await host.DisposeAsync();
    }
}
