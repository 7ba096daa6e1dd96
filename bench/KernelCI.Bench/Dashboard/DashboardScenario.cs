using System.CommandLine;
using KernelCI.Bench.KcidbIngest;

namespace KernelCI.Bench.Dashboard;

internal sealed class DashboardScenario : IScenario
{
    public string Name => "dashboard";

    public string Description => "Dashboard API latency (p50/p95/p99, cold and warm) on the kcidb-ingest dataset; raw-SQL baseline";

    public Command CreateCommand(TextWriter output)
    {
        var scale = new Option<double>("--scale") { Description = "kcidb-ingest dataset scale (1 = 2,000,000 tests; 5 = 10,000,000)", DefaultValueFactory = _ => 1.0 };
        var db = new Option<string>("--db") { Description = "Databases to run on", DefaultValueFactory = _ => "both" };
        db.AcceptOnlyFromAmong("postgres", "sqlite", "both");
        var seed = new Option<long>("--seed") { Description = "Seed of the generated dataset", DefaultValueFactory = _ => 1 };
        var warm = new Option<int>("--requests") { Description = "Timed warm requests per endpoint", DefaultValueFactory = _ => 200 };
        var cold = new Option<int>("--cold") { Description = "Cold requests per endpoint (each on a target not asked before)", DefaultValueFactory = _ => 20 };
        var baseline = new Option<int>("--baseline-requests") { Description = "Timed runs of each raw-SQL baseline query", DefaultValueFactory = _ => 20 };
        var postgres = new Option<string>("--postgres")
        {
            Description = "PostgreSQL server to create scratch databases on (env KERNELCI_BENCH_POSTGRES)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("KERNELCI_BENCH_POSTGRES") ?? KcidbIngestScenario.DefaultPostgres,
        };
        var keep = new Option<bool>("--keep") { Description = "Keep the temporary folders (dataset, server data, logs) and the PostgreSQL database" };
        var sqliteData = new Option<string?>("--sqlite-data") { Description = "Reuse an ingested SQLite data folder (copied, never written) instead of ingesting" };
        var database = new Option<string?>("--copy-database") { Description = "Reuse an ingested PostgreSQL database on --postgres (cloned as a template; nobody may be connected to it) instead of ingesting" };
        var command = new Command(Name, Description) { scale, db, seed, warm, cold, baseline, postgres, keep, sqliteData, database };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new DashboardSettings(
                parse.GetValue(scale),
                parse.GetValue(db) switch
                {
                    "postgres" => [BenchDatabase.PostgreSql],
                    "sqlite" => [BenchDatabase.Sqlite],
                    _ => [BenchDatabase.PostgreSql, BenchDatabase.Sqlite],
                },
                parse.GetValue(seed),
                parse.GetValue(warm),
                parse.GetValue(cold),
                parse.GetValue(baseline),
                parse.GetValue(postgres)!,
                parse.GetValue(keep),
                parse.GetValue(sqliteData),
                parse.GetValue(database));
            if (settings.Scale is <= 0 or > 10 || settings.WarmRequests < 1 || settings.ColdRequests < 1 || settings.BaselineRequests < 1)
            {
                await output.WriteLineAsync("--scale must be in (0, 10]; --requests, --cold and --baseline-requests must be positive");
                return ExitCodes.Usage;
            }

            if (settings.SqliteData is not null && !File.Exists(Path.Combine(settings.SqliteData, "kcidb.db")))
            {
                await output.WriteLineAsync($"--sqlite-data: {settings.SqliteData} has no kcidb.db");
                return ExitCodes.Usage;
            }

            return await new DashboardBenchmark(settings, output).RunAsync(cancellationToken);
        });
        return command;
    }
}
