using System.Text.Json;
using KernelCI.Dashboard;
using KernelCI.Kcidb.Store;

namespace KernelCI.KciDev.Tests.Servers;

/// <summary>Our dashboard API on a loopback listener over a fresh KCIDB database; rows go in through KCIDB's own store,
/// as ingestion writes them.</summary>
internal sealed class DashboardServer(LoopbackComponent server) : IAsyncDisposable
{
    private int _seeded;

    /// <summary>`dashboard_api` as kci-dev's config file names it.</summary>
    public Uri ApiUrl => new(server.Url, "api/");

    public static async Task<DashboardServer> StartAsync() => new(await LoopbackComponent.StartAsync(new DashboardComponent()));

    public async Task SeedAsync(string document)
    {
        using var parsed = JsonDocument.Parse(document);
        var store = KcidbStore.Create(server.Database, TimeProvider.System);
        await store.IngestAsync([new AcceptedSubmission($"seed-{_seeded++}", parsed.RootElement.Clone())], CancellationToken.None);
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
