using KernelCI.Client.Maestro;
using KernelCI.Host.Serve;
using KernelCI.Kcidb;
using KernelCI.KciDev.Tests.Servers;
using KernelCI.Maestro;
using KernelCI.Pipeline;
using KernelCI.Pipeline.Api;
using KernelCI.ServiceDefaults;
using KernelCI.Storage;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Pipeline;

/// <summary>Maestro, KCIDB, storage and the pipeline component (its API with the demo's configuration, only send-kcidb
/// running) built as `serve` builds them, on real loopback ports over one fresh SQLite database: what kci-dev's
/// checkout, patchset, testretry and watch talk to. Tests drive the nodes through <see cref="Maestro"/> (the pipeline's
/// own service user).</summary>
internal sealed class PipelineServers : IAsyncDisposable
{
    public const string TreeUrl = "https://git.example.org/linux.git";

    private readonly LoopbackHost _host;

    private PipelineServers(LoopbackHost host, PipelineOptions options, int basePort)
    {
        _host = host;
        Options = options;
        Api = new Uri($"http://127.0.0.1:{basePort + new MaestroComponent().PortOffset}/");
        Pipeline = new Uri($"http://127.0.0.1:{basePort + 2}/");
    }

    public string DataDirectory => _host.DataDirectory;

    public HostContext Context => _host.Context;

    public PipelineOptions Options { get; }

    /// <summary>kci-dev's `api`: Maestro's root (kci-dev adds `latest/`).</summary>
    public Uri Api { get; }

    /// <summary>kci-dev's `pipeline`.</summary>
    public Uri Pipeline { get; }

    public MaestroClient Maestro => new(new HttpClient { BaseAddress = new Uri(Options.MaestroUrl!), Timeout = TimeSpan.FromMinutes(1) }, Options.MaestroToken);

    public static async Task<PipelineServers> StartAsync()
    {
        IComponent[] peers = [new MaestroComponent(), new KcidbComponent(), new StorageComponent()];
        var host = await LoopbackHost.CreateAsync(peers, PipelineTokens.SecretName);
        // On the base port's offsets, as `serve` lays them out: the pipeline finds its peers there.
        var basePort = FreePort.BasePort();
        foreach (var component in peers)
        {
            await host.StartAsync(component, basePort + component.PortOffset);
        }

        var options = await EmbeddedPipeline.CompleteAsync(new PipelineOptions
        {
            Services = ["send-kcidb"],
            ConfigDirectory = PipelineDemoConfig.WriteDirectory(host.DataDirectory, TreeUrl),
        }, host.Context, "127.0.0.1", basePort);
        var pipeline = new PipelineComponent(options);
        await host.StartAsync(pipeline, basePort + pipeline.PortOffset);
        return new PipelineServers(host, options, basePort);
    }

    /// <summary>A pipeline API token for dev@example.org with the given permissions.</summary>
    public string Token(params string[] permissions) =>
        PipelineTokens.Issue(Context.Secrets.Get(PipelineTokens.SecretName), "dev@example.org", permissions, expires: null);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
