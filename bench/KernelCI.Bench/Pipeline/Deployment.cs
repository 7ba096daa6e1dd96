using KernelCI.Client.Kcidb;
using KernelCI.Client.Maestro;
using KernelCI.Host.Serve;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Bench.Pipeline;

/// <summary>The whole system in this process, as `serve` runs it (SQLite in a scratch folder), with the pipeline's
/// configuration directory and settings; <paramref name="pipelineServices"/> can add runtimes.</summary>
internal sealed class Deployment : IAsyncDisposable
{
    private readonly RunningDeployment _running;

    private Deployment(RunningDeployment running, int basePort)
    {
        _running = running;
        Maestro = new MaestroClient(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{basePort + 1}/latest/"), Timeout = TimeSpan.FromMinutes(2) });
        Kcidb = new KcidbClient(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{basePort + 3}/") }, "none");
        StorageUrl = $"http://127.0.0.1:{basePort + 4}/";
    }

    public MaestroClient Maestro { get; }

    public KcidbClient Kcidb { get; }

    public string StorageUrl { get; }

    /// <summary>The pipeline's own options: its storage token lets the benchmark upload as the pipeline does.</summary>
    public KernelCI.Pipeline.PipelineOptions Pipeline => _running.Pipeline!;

    public static async Task<Deployment> StartAsync(string dataDirectory, string configDirectory, string settingsFile,
        Action<IServiceCollection>? pipelineServices, CancellationToken cancellationToken)
    {
        var basePort = KernelCI.Testing.FreePort.BasePort();
        var settings = new ServeSettings(dataDirectory, null, settingsFile, "127.0.0.1", basePort, [], configDirectory);
        var running = await new ServeHost(new QuietConsole()).StartAsync(settings, pipelineServices, cancellationToken)
            ?? throw new BenchFailure("the in-process host refused its settings (see above)");
        return new Deployment(running, basePort);
    }

    public ValueTask DisposeAsync() => _running.DisposeAsync();
}
