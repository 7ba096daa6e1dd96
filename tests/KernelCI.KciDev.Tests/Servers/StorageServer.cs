using KernelCI.Storage;
using KernelCI.Storage.Auth;

namespace KernelCI.KciDev.Tests.Servers;

/// <summary>Our kernelci-storage server (local backend) on a loopback listener.</summary>
internal sealed class StorageServer(LoopbackComponent server) : IAsyncDisposable
{
    public Uri Url => server.Url;

    public static async Task<StorageServer> StartAsync() => new(await LoopbackComponent.StartAsync(new StorageComponent()));

    public string Token(string email = "dev@example.org") =>
        StorageAuthenticator.IssueToken(server.Secrets.Get(StorageAuthenticator.SecretName), email, DateTimeOffset.UtcNow.AddHours(1));

    /// <summary>A stored file's content, read back through the public download route.</summary>
    public async Task<string> ReadAsync(string key)
    {
        using var http = new HttpClient { BaseAddress = Url };
        return await http.GetStringAsync(key, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
