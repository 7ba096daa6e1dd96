using System.CommandLine;

namespace KernelCI.Bench.KcidbIngest;

internal sealed class KcidbIngestScenario : IScenario
{
    public const string DefaultPostgres = "Host=127.0.0.1;Username=postgres;Password=postgres";

    public string Name => "kcidb-ingest";

    public string Description => "Submit ~2M KCIDB objects over HTTP until queryable; COPY baseline, memory, query latency";

    public Command CreateCommand(TextWriter output)
    {
        var scale = new Option<double>("--scale") { Description = "Multiply every object count (0.01 for a quick run)", DefaultValueFactory = _ => 1.0 };
        var db = new Option<string>("--db") { Description = "Databases to run on", DefaultValueFactory = _ => "both" };
        db.AcceptOnlyFromAmong("postgres", "sqlite", "both");
        var seed = new Option<long>("--seed") { Description = "Seed of the generated dataset", DefaultValueFactory = _ => 1 };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent uploads", DefaultValueFactory = _ => 4 };
        var queries = new Option<int>("--queries") { Description = "Timed requests per query endpoint", DefaultValueFactory = _ => 200 };
        var perFile = new Option<int>("--objects-per-file") { Description = "Objects per submitted file", DefaultValueFactory = _ => 10_000 };
        var postgres = new Option<string>("--postgres")
        {
            Description = "PostgreSQL server to create scratch databases on (env KERNELCI_BENCH_POSTGRES)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("KERNELCI_BENCH_POSTGRES") ?? DefaultPostgres,
        };
        var generateOnly = new Option<bool>("--generate-only") { Description = "Only generate the dataset, check it and print its figures" };
        var check = new Option<bool>("--check-dataset") { Description = "Check the generated files before the timed runs" };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Skip the PostgreSQL COPY baseline" };
        var keep = new Option<bool>("--keep") { Description = "Keep the temporary folders (dataset, server data, logs)" };
        var noAggregates = new Option<bool>("--no-aggregates")
        {
            Description = "Run the server with Kcidb:DashboardAggregates off (the A/B of the dashboard's aggregates' upkeep)",
        };
        var noRegressions = new Option<bool>("--no-regressions")
        {
            Description = "Run the server with Kcidb:TrackRegressions off: the tracker's recomputations follow the commits in bursts "
                + "whose share of the window varies from run to run (docs/benchmarks.md, session 21)",
        };
        var command = new Command(Name, Description)
        {
            scale, db, seed, concurrency, queries, perFile, postgres, generateOnly, check, noBaseline, keep, noAggregates, noRegressions,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new IngestSettings(
                parse.GetValue(scale),
                parse.GetValue(db) switch
                {
                    "postgres" => [BenchDatabase.PostgreSql],
                    "sqlite" => [BenchDatabase.Sqlite],
                    _ => [BenchDatabase.PostgreSql, BenchDatabase.Sqlite],
                },
                parse.GetValue(seed),
                parse.GetValue(concurrency),
                parse.GetValue(queries),
                parse.GetValue(perFile),
                parse.GetValue(postgres)!,
                parse.GetValue(generateOnly),
                parse.GetValue(check) || parse.GetValue(generateOnly),
                !parse.GetValue(noBaseline),
                parse.GetValue(keep),
                !parse.GetValue(noAggregates),
                !parse.GetValue(noRegressions));
            if (settings.Scale is <= 0 or > 10 || settings.Concurrency < 1 || settings.QueriesPerEndpoint < 1 || settings.ObjectsPerFile < 1)
            {
                await output.WriteLineAsync("--scale must be in (0, 10]; --concurrency, --queries and --objects-per-file must be positive");
                return ExitCodes.Usage;
            }

            return await new IngestBenchmark(settings, output).RunAsync(cancellationToken);
        });
        return command;
    }
}
