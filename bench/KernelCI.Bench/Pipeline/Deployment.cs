using KernelCI.Client.Kcidb;
using KernelCI.Client.Maestro;
using KernelCI.Host.Serve;
using KernelCI.Pipeline;
using KernelCI.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Bench.Pipeline;

/// <summary>The whole system in this process, as `serve` runs it (SQLite in a scratch folder), with the pipeline's
/// configuration directory and settings; <paramref name="pipelineServices"/> can add runtimes.</summary>
internal sealed class Deployment : IAsyncDisposable
{
    private readonly RunningDeployment _running;

    private Deployment(RunningDeployment running, string storageToken)
    {
        _running = running;
        var peers = running.Deployment;
        Maestro = new MaestroClient(new HttpClient { BaseAddress = new Uri(peers.UrlOf("maestro"), "latest/"), Timeout = TimeSpan.FromMinutes(2) });
        Kcidb = new KcidbClient(new HttpClient { BaseAddress = peers.UrlOf("kcidb") }, "none");
        StorageUrl = peers.UrlOf("storage").ToString();
        StorageToken = storageToken;
    }

    public MaestroClient Maestro { get; }

    public KcidbClient Kcidb { get; }

    public string StorageUrl { get; }

    /// <summary>A storage token of the pipeline's service account: the benchmark uploads as the pipeline does.</summary>
    public string StorageToken { get; }

    public static async Task<Deployment> StartAsync(string dataDirectory, string configDirectory, string settingsFile,
        Action<IServiceCollection>? pipelineServices, CancellationToken cancellationToken)
    {
        var basePort = KernelCI.Testing.FreePort.BasePort();
        var settings = new ServeSettings(dataDirectory, null, settingsFile, "127.0.0.1", basePort, [], configDirectory);
        var running = await new ServeHost(new QuietConsole(), Components.All(pipelineServices)).StartAsync(settings, cancellationToken);
        var account = new ServiceAccount(PipelinePeers.ServiceUser, new PipelineOptions().Origin);
        return new Deployment(running, await running.Deployment.IssueCredentialAsync("storage", account, cancellationToken));
    }

    public ValueTask DisposeAsync() => _running.DisposeAsync();
}
