using System.CommandLine;
using KernelCI.Bench.KcidbIngest;

namespace KernelCI.Bench.Regressions;

internal sealed class RegressionsScenario : IScenario
{
    public string Name => "regressions";

    public string Description => "Regression and flaky detection (precision, recall), ingestion-to-regression latency, full recomputation, log triage vs grep -E";

    public Command CreateCommand(TextWriter output)
    {
        var scale = new Option<double>("--scale") { Description = "kcidb-ingest dataset scale (1 = 2,000,000 tests)", DefaultValueFactory = _ => 1.0 };
        var db = new Option<string>("--db") { Description = "Databases to run on", DefaultValueFactory = _ => "both" };
        db.AcceptOnlyFromAmong("postgres", "sqlite", "both");
        var seed = new Option<long>("--seed") { Description = "Seed of the generated dataset", DefaultValueFactory = _ => 1 };
        var planted = new Option<int?>("--planted") { Description = "Regressions planted, and as many flaky series (default 1,000 × scale)" };
        var submissions = new Option<int>("--submissions") { Description = "New checkouts submitted one at a time for the latency (1–50)", DefaultValueFactory = _ => 40 };
        var parts = new Option<string[]>("--part")
        {
            Description = "Parts to run (repeatable): detection, latency, recompute, triage, bisect (default: all but bisect)",
            AllowMultipleArgumentsPerToken = true,
        };
        var triage = new Option<int>("--triage-mb") { Description = "Size of the generated log corpus, MB (half build logs, half boot logs)", DefaultValueFactory = _ => 40 };
        var postgres = new Option<string>("--postgres")
        {
            Description = "PostgreSQL server to create scratch databases on (env KERNELCI_BENCH_POSTGRES)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("KERNELCI_BENCH_POSTGRES") ?? KcidbIngestScenario.DefaultPostgres,
        };
        var keep = new Option<bool>("--keep") { Description = "Keep the temporary folders (dataset, server data, logs) and the PostgreSQL database" };
        var command = new Command(Name, Description) { scale, db, seed, planted, submissions, parts, triage, postgres, keep };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chosen = new HashSet<RegressionsPart>();
            foreach (var name in parse.GetValue(parts) ?? [])
            {
                if (!Enum.TryParse<RegressionsPart>(name, ignoreCase: true, out var part) || int.TryParse(name, out _))
                {
                    await output.WriteLineAsync($"--part: '{name}' is none of detection, latency, recompute, triage, bisect");
                    return ExitCodes.Usage;
                }

                chosen.Add(part);
            }

            if (chosen.Count == 0)
            {
                chosen = [RegressionsPart.Detection, RegressionsPart.Latency, RegressionsPart.Recompute, RegressionsPart.Triage];
            }

            var scaleValue = parse.GetValue(scale);
            var settings = new RegressionsSettings(
                scaleValue,
                parse.GetValue(db) switch
                {
                    "postgres" => [BenchDatabase.PostgreSql],
                    "sqlite" => [BenchDatabase.Sqlite],
                    _ => [BenchDatabase.PostgreSql, BenchDatabase.Sqlite],
                },
                parse.GetValue(seed),
                parse.GetValue(planted) ?? (int)Math.Max(1, Math.Round(1000 * scaleValue)),
                parse.GetValue(submissions),
                chosen,
                parse.GetValue(triage),
                parse.GetValue(postgres)!,
                parse.GetValue(keep));
            if (settings.Scale is <= 0 or > 10 || settings.Planted < 1 || settings.Submissions is < 1 or > 50 || settings.TriageMegabytes is < 1 or > 2000)
            {
                await output.WriteLineAsync("--scale must be in (0, 10], --planted positive, --submissions in 1–50, --triage-mb in 1–2000");
                return ExitCodes.Usage;
            }

            return await new RegressionsBenchmark(settings, output).RunAsync(cancellationToken);
        });
        return command;
    }
}
