using System.CommandLine;

namespace KernelCI.Bench.Maestro;

internal sealed class MaestroScenario : IScenario
{
    public string Name => "maestro";

    public string Description => "Maestro API: creates/s vs SQL, query p95 over millions of nodes, event latency, catch-up rate";

    public Command CreateCommand(TextWriter output)
    {
        var db = new Option<string>("--db") { Description = "Databases to run on", DefaultValueFactory = _ => "both" };
        db.AcceptOnlyFromAmong("postgres", "sqlite", "both");
        var creates = new Option<int>("--creates") { Description = "Nodes created over HTTP (and again as SQL)", DefaultValueFactory = _ => 20_000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent clients", DefaultValueFactory = _ => 16 };
        var stored = new Option<int>("--nodes") { Description = "Nodes stored for the query timings", DefaultValueFactory = _ => 5_000_000 };
        var repeats = new Option<int>("--queries") { Description = "Timed requests per query", DefaultValueFactory = _ => 100 };
        var subscribers = new Option<int>("--subscribers") { Description = "Listening subscribers", DefaultValueFactory = _ => 100 };
        var events = new Option<int>("--events") { Description = "Node writes timed from write to delivery", DefaultValueFactory = _ => 200 };
        var catchUp = new Option<int>("--catch-up") { Description = "Events a subscriber is behind", DefaultValueFactory = _ => 100_000 };
        var warmUp = new Option<int>("--warm-up") { Description = "Seconds of untimed API creates before the timed ones (0: none)", DefaultValueFactory = _ => 20 };
        var postgres = new Option<string>("--postgres")
        {
            Description = "PostgreSQL server for scratch databases (env KERNELCI_BENCH_POSTGRES)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("KERNELCI_BENCH_POSTGRES") ?? KcidbIngest.KcidbIngestScenario.DefaultPostgres,
        };
        var command = new Command(Name, Description) { db, creates, concurrency, stored, repeats, subscribers, events, catchUp, warmUp, postgres };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new MaestroSettings(
                parse.GetValue(db) switch { "postgres" => ["postgres"], "sqlite" => ["sqlite"], _ => ["postgres", "sqlite"] },
                parse.GetValue(creates), parse.GetValue(concurrency), parse.GetValue(stored), parse.GetValue(repeats),
                parse.GetValue(subscribers), parse.GetValue(events), parse.GetValue(catchUp), parse.GetValue(postgres)!,
                TimeSpan.FromSeconds(parse.GetValue(warmUp)));
            if (settings.Creates < 1 || settings.Concurrency < 1 || settings.StoredNodes < 1 || settings.QueryRepeats < 1
                || settings.Subscribers < 1 || settings.LatencyEvents < 1 || settings.CatchUpEvents < 1 || settings.WarmUp < TimeSpan.Zero)
            {
                await output.WriteLineAsync("every count must be positive");
                return ExitCodes.Usage;
            }

            return await new MaestroBenchmark(settings, output).RunAsync(cancellationToken);
        });
        return command;
    }
}
