using KernelCI.Dashboard.Tests.KciDev;
using KernelCI.Dashboard.Tests.Regressions;
using KernelCI.Data;

namespace KernelCI.Dashboard.Tests.KciDevItems;

/// <summary><see cref="ReportSeed"/> (one tree, four checkouts, relative to now) on a real listener (SQLite), with
/// upstream's kci-dev pointed at it; shared by a test class, whose tests only read it.</summary>
public sealed class ReportSeedServer : IAsyncLifetime
{
    internal DashboardTestApp App { get; private set; } = null!;

    internal ReportSeed Seed { get; private set; } = null!;

    internal KciDevClient? Upstream { get; private set; }

    internal Uri ApiUrl => App.ApiUrl;

    internal string Web => App.ApiUrl.GetLeftPart(UriPartial.Authority);

    public async ValueTask InitializeAsync()
    {
        App = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite, kestrel: true);
        Seed = new ReportSeed(DateTimeOffset.UtcNow);
        await Seed.LoadAsync(App);
        Upstream = new KciDevClient(App.ApiUrl);
    }

    public async ValueTask DisposeAsync()
    {
        Upstream?.Dispose();
        await App.DisposeAsync();
    }
}
