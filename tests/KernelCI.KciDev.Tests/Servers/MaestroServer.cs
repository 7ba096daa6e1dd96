using KernelCI.Client.Maestro;
using KernelCI.Maestro;
using KernelCI.Maestro.Users;

namespace KernelCI.KciDev.Tests.Servers;

/// <summary>Our Maestro API on a loopback listener with an admin user whose client seeds nodes.</summary>
internal sealed class MaestroServer : IAsyncDisposable
{
    private readonly LoopbackComponent _server;

    private MaestroServer(LoopbackComponent server, string token)
    {
        _server = server;
        Token = token;
        Admin = new MaestroClient(new HttpClient { BaseAddress = new Uri(server.Url, "latest/") }, token);
    }

    /// <summary>The `api` of kci-dev's config file.</summary>
    public Uri Url => _server.Url;

    public string Token { get; }

    public MaestroClient Admin { get; }

    public static async Task<MaestroServer> StartAsync()
    {
        var server = await LoopbackComponent.StartAsync(new MaestroComponent());
        await UserAdmin.AddAsync(server.Database, "admin", admin: true, [], "secret-admin");
        var token = await UserAdmin.TokenAsync(server.Database, server.Secrets.Get(UserTokens.SecretName), "admin", TimeSpan.FromHours(1));
        return new MaestroServer(server, token!);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
