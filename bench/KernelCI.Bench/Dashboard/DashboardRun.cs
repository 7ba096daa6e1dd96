using System.Diagnostics;
using KernelCI.Bench.Infrastructure;
using KernelCI.Bench.KcidbIngest;
using KernelCI.Bench.KcidbIngest.Dataset;
using KernelCI.Bench.KcidbIngest.Ingest;

namespace KernelCI.Bench.Dashboard;

/// <summary>One database: a fresh `kernelci serve --only kcidb dashboard`, the dataset submitted to KCIDB and ingested
/// (aggregates included), then the dashboard's endpoints timed over HTTP and the raw-SQL baseline on the same rows.</summary>
internal sealed class DashboardRun(DashboardSettings settings, DatasetFiles files, string workDirectory, TextWriter output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan IngestTimeout = TimeSpan.FromMinutes(60);

    public async Task<DashboardRunResult> RunAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        var name = database == BenchDatabase.PostgreSql ? "postgres" : "sqlite";
        var dataDirectory = Path.Combine(workDirectory, name + "-data");
        await using var scratch = database == BenchDatabase.PostgreSql
            ? await PostgresScratch.CreateAsync(settings.PostgresServer, "dashboard", cancellationToken)
            : null;
        if (scratch is not null && settings.Keep)
        {
            scratch.Keep = true;
            await output.WriteLineAsync($"[{name}] --keep: the database {scratch.Name} stays after the run");
        }

        try
        {
            var token = await ServerRun.IssueTokenAsync(dataDirectory, cancellationToken);
            var kcidbPort = FreePort.Find();
            var basePort = kcidbPort - 3;
            List<string> arguments = ["serve", "--data-dir", dataDirectory, "--base-port", basePort.ToString(), "--only", "kcidb", "dashboard"];
            if (scratch is not null)
            {
                arguments.AddRange(["--database", scratch.ConnectionString]);
            }

            var log = Path.Combine(workDirectory, name + "-server.log");
            await output.WriteLineAsync($"[{name}] starting the server: KCIDB on {kcidbPort}, dashboard on {basePort} (log: {log})");
            await using var server = ServerProcess.Start(RepoPaths.ServerExecutable, arguments, log);
            using var kcidb = new KcidbHttpClient(new Uri($"http://127.0.0.1:{kcidbPort}/"), token);
            await kcidb.WaitHealthyAsync(server, StartTimeout, cancellationToken);

            var stopwatch = Stopwatch.StartNew();
            var ids = await SubmissionUploader.UploadAsync(kcidb, files, 4, cancellationToken);
            await new StatusWaiter(kcidb, server, output).WaitAsync(ids, IngestTimeout, cancellationToken);
            await output.WriteLineAsync($"[{name}] {files.Objects:N0} objects ingested in {stopwatch.Elapsed.TotalSeconds:F1} s; picking targets");

            await using var connection = await ServerRun.OpenAsync(scratch, dataDirectory, cancellationToken);
            if (scratch is not null)
            {
                // What autovacuum does to the tables a minute or so after a bulk load, done at once (as the Maestro
                // benchmark's fill does): right after ingestion the planner has no statistics for 2,000,000 fresh
                // tests and picks plans no running server keeps for long.
                var vacuum = Stopwatch.StartNew();
                await using var analyze = connection.CreateCommand();
                analyze.CommandText = "VACUUM (ANALYZE)";
                analyze.CommandTimeout = 0;
                await analyze.ExecuteNonQueryAsync(cancellationToken);
                await output.WriteLineAsync($"[{name}] VACUUM (ANALYZE) in {vacuum.Elapsed.TotalSeconds:F1} s");
            }

            var targets = await TargetPicker.PickAsync(connection, database, settings.ColdRequests + 1, cancellationToken);
            await output.WriteLineAsync($"[{name}] warm checkout {targets.Checkouts[0].Hash[..12]} has {targets.Checkouts[0].Tests:N0} tests and boots; timing endpoints");

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{basePort}/"), Timeout = TimeSpan.FromMinutes(5) };
            var endpoints = await new LatencyProbe(http, settings.ColdRequests, settings.WarmRequests)
                .RunAsync(EndpointPlan.For(targets, DateTimeOffset.UtcNow), cancellationToken);
            await output.WriteLineAsync($"[{name}] timing the raw-SQL baseline");
            var baseline = await RawSqlBaseline.RunAsync(connection, database, targets, settings.BaselineRequests, cancellationToken);
            return new DashboardRunResult(name, files.Objects, targets.Checkouts[0].Tests, endpoints, baseline);
        }
        finally
        {
            if (!settings.Keep && Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }
}
