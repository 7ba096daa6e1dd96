using KernelCI.Data;
using KernelCI.ServiceDefaults;

namespace KernelCI.KciDev.Tests.Servers;

/// <summary>One of our components alone in a <see cref="LoopbackHost"/>, on a free loopback port.</summary>
internal sealed class LoopbackComponent : IAsyncDisposable
{
    private readonly LoopbackHost _host;

    private LoopbackComponent(LoopbackHost host, Uri url)
    {
        _host = host;
        Url = url;
    }

    /// <summary>The listener's root, ending in `/`.</summary>
    public Uri Url { get; }

    public Database Database => _host.Database;

    public string DataDirectory => _host.DataDirectory;

    public SecretStore Secrets => _host.Secrets;

    public static async Task<LoopbackComponent> StartAsync(IComponent component)
    {
        var host = await LoopbackHost.CreateAsync([component]);
        return new LoopbackComponent(host, await host.StartAsync(component));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
