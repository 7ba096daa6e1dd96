using KernelCI.Bench.KcidbIngest;
using KernelCI.Bench.KcidbIngest.Dataset;

namespace KernelCI.Bench.Dashboard;

/// <summary>One database: a fresh `kernelci serve --only kcidb dashboard`, the dataset submitted to KCIDB and ingested
/// (aggregates included) — or, without <c>files</c>, a copy of data ingested before — then the dashboard's endpoints
/// timed over HTTP and the raw-SQL baseline on the same rows.</summary>
internal sealed class DashboardRun(DashboardSettings settings, DatasetFiles? files, string workDirectory, TextWriter output)
{
    public async Task<DashboardRunResult> RunAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        await using var dashboard = await IngestedDashboard.StartAsync(database, workDirectory, settings.PostgresServer, settings.Keep, output, cancellationToken,
            files is null && database == BenchDatabase.Sqlite ? settings.SqliteData : null,
            files is null && database == BenchDatabase.PostgreSql ? settings.CopyDatabase : null);
        if (files is not null)
        {
            await dashboard.IngestAsync(files, cancellationToken);
        }

        await using var connection = await dashboard.OpenAsync(cancellationToken);
        var targets = await TargetPicker.PickAsync(connection, database, settings.ColdRequests + 1, cancellationToken);
        await output.WriteLineAsync($"[{dashboard.Name}] warm checkout {targets.Checkouts[0].Hash[..12]} has {targets.Checkouts[0].Tests:N0} tests and boots; timing endpoints");

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{dashboard.BasePort}/"), Timeout = TimeSpan.FromMinutes(5) };
        var endpoints = await new LatencyProbe(http, settings.ColdRequests, settings.WarmRequests)
            .RunAsync(EndpointPlan.For(targets, DateTimeOffset.UtcNow), cancellationToken);
        await output.WriteLineAsync($"[{dashboard.Name}] timing the raw-SQL baseline");
        var baseline = await RawSqlBaseline.RunAsync(connection, database, targets, settings.BaselineRequests, cancellationToken);
        return new DashboardRunResult(dashboard.Name, files?.Objects, targets.Checkouts[0].Tests, endpoints, baseline);
    }
}
