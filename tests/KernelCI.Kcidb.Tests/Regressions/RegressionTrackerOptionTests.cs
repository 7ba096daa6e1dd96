using KernelCI.Data;
using KernelCI.Kcidb.Regressions;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Kcidb.Tests.Regressions;

/// <summary>Kcidb:TrackRegressions (docs/configuration.md): on by default wherever the ingester runs.</summary>
public sealed class RegressionTrackerOptionTests
{
    [Fact]
    public async Task Ingesting_component_tracks_regressions_by_default()
    {
        await using var app = await KcidbTestApp.StartAsync(DatabaseKind.Sqlite);

        Assert.NotNull(app.App.Services.GetService<RegressionTracker>());
    }

    [Fact]
    public async Task Track_regressions_off_runs_no_tracker()
    {
        await using var app = await KcidbTestApp.StartAsync(DatabaseKind.Sqlite, new KcidbOptions { TrackRegressions = false });

        Assert.Null(app.App.Services.GetService<RegressionTracker>());
    }

    [Fact]
    public async Task Api_only_replica_runs_no_tracker()
    {
        await using var app = await KcidbTestApp.StartAsync(DatabaseKind.Sqlite, new KcidbOptions { RunIngester = false });

        Assert.Null(app.App.Services.GetService<RegressionTracker>());
    }
}
