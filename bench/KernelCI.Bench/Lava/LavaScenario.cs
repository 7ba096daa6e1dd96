using System.CommandLine;

namespace KernelCI.Bench.Lava;

internal sealed class LavaScenario : IScenario
{
    public string Name => "lava";

    public string Description => "LAVA labs: callback processing (5,000 cases), submissions/s with the queue gate, kbuild → LAVA boot → KCIDB";

    public Command CreateCommand(TextWriter output)
    {
        var parts = new Option<string[]>("--part") { Description = "callback, submit, lab (default: all three)", AllowMultipleArgumentsPerToken = true };
        parts.AcceptOnlyFromAmong("callback", "submit", "lab");
        var db = new Option<string>("--db") { Description = "Databases the callback part runs on", DefaultValueFactory = _ => "both" };
        db.AcceptOnlyFromAmong("postgres", "sqlite", "both");
        var cases = new Option<int>("--cases") { Description = "Test cases in the callback", DefaultValueFactory = _ => 5_000 };
        var sets = new Option<int>("--sets") { Description = "Test sets the cases are spread over", DefaultValueFactory = _ => 10 };
        var runs = new Option<int>("--runs") { Description = "Timed callbacks per database (after one untimed)", DefaultValueFactory = _ => 7 };
        var submissions = new Option<int>("--submissions") { Description = "Submissions to the fake LAVA", DefaultValueFactory = _ => 500 };
        var labSubmissions = new Option<int>("--lab-submissions") { Description = "Submissions to the real lab (each canceled at once)", DefaultValueFactory = _ => 10 };
        var labJobs = new Option<int>("--lab-jobs") { Description = "Boots through the real lab, kbuild to KCIDB", DefaultValueFactory = _ => 3 };
        var postgres = new Option<string>("--postgres")
        {
            Description = "PostgreSQL server for scratch databases (env KERNELCI_BENCH_POSTGRES)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("KERNELCI_BENCH_POSTGRES") ?? KcidbIngest.KcidbIngestScenario.DefaultPostgres,
        };
        var command = new Command(Name, Description) { parts, db, cases, sets, runs, submissions, labSubmissions, labJobs, postgres };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new LavaSettings(
                parse.GetValue(parts) is { Length: > 0 } p ? p : ["callback", "submit", "lab"],
                parse.GetValue(db) switch { "postgres" => ["postgres"], "sqlite" => ["sqlite"], _ => ["sqlite", "postgres"] },
                parse.GetValue(cases), parse.GetValue(sets), parse.GetValue(runs), parse.GetValue(submissions),
                parse.GetValue(labSubmissions), parse.GetValue(labJobs), parse.GetValue(postgres)!);
            if (settings.Cases < 1 || settings.Sets < 1 || settings.Runs < 1 || settings.Submissions < 1 || settings.LabSubmissions < 0 || settings.LabJobs < 0)
            {
                await output.WriteLineAsync("--cases, --sets, --runs and --submissions must be positive; --lab-submissions and --lab-jobs not negative");
                return ExitCodes.Usage;
            }

            return await new LavaBenchmark(settings, output).RunAsync(cancellationToken);
        });
        return command;
    }
}
