using System.CommandLine;
using KernelCI.Bench.KcidbIngest;

namespace KernelCI.Bench.DashboardPages;

internal sealed class DashboardPagesScenario : IScenario
{
    public string Name => "dashboard-pages";

    public string Description => "Web dashboard pages: server time to first byte p50/p95, Chromium load event, LCP and first-view bytes";

    public Command CreateCommand(TextWriter output)
    {
        var scale = new Option<double>("--scale") { Description = "kcidb-ingest dataset scale (1 = 2,000,000 tests)", DefaultValueFactory = _ => 1.0 };
        var db = new Option<string>("--db") { Description = "Databases to ingest into and run on", DefaultValueFactory = _ => "both" };
        db.AcceptOnlyFromAmong("postgres", "sqlite", "both");
        var seed = new Option<long>("--seed") { Description = "Seed of the generated dataset", DefaultValueFactory = _ => 1 };
        var requests = new Option<int>("--requests") { Description = "Timed server requests per page", DefaultValueFactory = _ => 50 };
        var warmUp = new Option<int>("--warm-up")
        {
            Description = "Untimed server requests per page before the timed ones (the server's JIT tiers up for hundreds of requests)",
            DefaultValueFactory = _ => 3,
        };
        var loads = new Option<int>("--loads") { Description = "First-view loads per page in Chromium", DefaultValueFactory = _ => 10 };
        var postgres = new Option<string>("--postgres")
        {
            Description = "PostgreSQL server to create scratch databases on (env KERNELCI_BENCH_POSTGRES)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("KERNELCI_BENCH_POSTGRES") ?? KcidbIngestScenario.DefaultPostgres,
        };
        var sqliteData = new Option<string?>("--sqlite-data") { Description = "Reuse an ingested SQLite data folder (copied, never written) instead of ingesting" };
        var database = new Option<string?>("--copy-database") { Description = "Reuse an ingested PostgreSQL database on --postgres (cloned as a template; nobody may be connected to it) instead of ingesting" };
        var pages = new Option<string[]>("--pages")
        {
            Description = "Only these pages: tree-listing tree-builds tree-boots tree-tests build test hardware issues compare search",
            AllowMultipleArgumentsPerToken = true,
        };
        var keep = new Option<bool>("--keep") { Description = "Keep the temporary folders and the PostgreSQL database" };
        var command = new Command(Name, Description) { scale, db, seed, requests, warmUp, loads, postgres, sqliteData, database, pages, keep };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new PagesSettings(
                parse.GetValue(scale),
                parse.GetValue(db) switch
                {
                    "postgres" => [BenchDatabase.PostgreSql],
                    "sqlite" => [BenchDatabase.Sqlite],
                    _ => [BenchDatabase.PostgreSql, BenchDatabase.Sqlite],
                },
                parse.GetValue(seed),
                parse.GetValue(requests),
                parse.GetValue(warmUp),
                parse.GetValue(loads),
                parse.GetValue(postgres)!,
                parse.GetValue(sqliteData),
                parse.GetValue(database),
                parse.GetValue(pages) ?? [],
                parse.GetValue(keep));
            if (settings.Scale is <= 0 or > 10 || settings.Requests < 1 || settings.WarmUp < 0 || settings.Loads < 1)
            {
                await output.WriteLineAsync("--scale must be in (0, 10]; --requests and --loads must be positive, --warm-up not negative");
                return ExitCodes.Usage;
            }

            if (settings.SqliteData is not null && !File.Exists(Path.Combine(settings.SqliteData, "kcidb.db")))
            {
                await output.WriteLineAsync($"--sqlite-data: {settings.SqliteData} has no kcidb.db");
                return ExitCodes.Usage;
            }

            return await new PagesBenchmark(settings, output).RunAsync(cancellationToken);
        });
        return command;
    }
}
