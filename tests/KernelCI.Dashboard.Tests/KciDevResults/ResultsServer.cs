using KernelCI.Dashboard.Tests.Hardware;
using KernelCI.Dashboard.Tests.KciDev;
using KernelCI.Dashboard.Tests.Trees;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>Two seeded dashboards per database on real listeners, shared by a test class: one with
/// <see cref="TreeSeed"/> (the tree commands) and one with <see cref="HardwareSeed"/> (the hardware commands, which
/// would otherwise see the other seed's boards). Our kci-dev runs in process against them; upstream's as a process.</summary>
public sealed class ResultsServer : IAsyncLifetime
{
    private readonly Dictionary<(DatabaseKind, Seed), DashboardTestApp> _apps = [];

    public enum Seed
    {
        Trees,
        Hardware,
    }

    public async ValueTask InitializeAsync()
    {
        foreach (var kind in new[] { DatabaseKind.Sqlite, DatabaseKind.PostgreSql })
        {
            var trees = await DashboardTestApp.StartAsync(kind, kestrel: true);
            await TreeSeed.SeedAsync(trees);
            _apps[(kind, Seed.Trees)] = trees;
            var hardware = await DashboardTestApp.StartAsync(kind, kestrel: true);
            await HardwareSeed.SeedAsync(hardware, DateTimeOffset.UtcNow);
            _apps[(kind, Seed.Hardware)] = hardware;
        }
    }

    internal Uri ApiUrl(DatabaseKind kind, Seed seed = Seed.Trees) => _apps[(kind, seed)].ApiUrl;

    /// <summary>Runs our kci-dev against the dashboard; the requests it sent are in <see cref="OurRun.Requests"/>.</summary>
    internal static async Task<OurRun> RunOursAsync(Uri apiUrl, params string[] arguments) => await RunOursAsync(apiUrl, _ => { }, arguments);

    internal static async Task<OurRun> RunOursAsync(Uri apiUrl, Action<KciDevHarness> setUp, params string[] arguments)
    {
        using var kciDev = new KciDevHarness();
        var requests = new List<SentRequest>();
        kciDev.WriteInstance(dashboardApi: apiUrl);
        kciDev.Handler = () => new RecordingHandler(requests, new SocketsHttpHandler());
        setUp(kciDev);
        var result = await kciDev.RunAsync(arguments);
        return new OurRun(result, requests, Directory.GetFiles(kciDev.WorkingDirectory).Where(f => !f.EndsWith(".toml", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText));
    }

    internal Task<OurRun> OursAsync(DatabaseKind kind, params string[] arguments) => RunOursAsync(ApiUrl(kind), arguments);

    internal Task<OurRun> OursOnHardwareAsync(DatabaseKind kind, params string[] arguments) => RunOursAsync(ApiUrl(kind, Seed.Hardware), arguments);

    /// <summary>Runs upstream's kci-dev 0.1.11 against the same dashboard; a failed run fails the test with its output.</summary>
    internal async Task<string> UpstreamAsync(DatabaseKind kind, Seed seed, params string[] arguments)
    {
        using var kciDev = new KciDevClient(ApiUrl(kind, seed));
        var result = await kciDev.RunAsync(arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await app.DisposeAsync();
        }
    }
}
