using System.CommandLine;

namespace KernelCI.Bench.Pipeline;

internal sealed class PipelineScenario : IScenario
{
    public string Name => "pipeline";

    public string Description => "Pipeline: push-to-KCIDB time (build, boot, overhead), 20 trees at once, scheduler job nodes/s";

    public Command CreateCommand(TextWriter output)
    {
        var parts = new Option<string[]>("--part") { Description = "loop, trees, scheduler (default: all three)", AllowMultipleArgumentsPerToken = true };
        parts.AcceptOnlyFromAmong("loop", "trees", "scheduler");
        var trees = new Option<int>("--trees") { Description = "Trees polled at once in the many-trees run", DefaultValueFactory = _ => 20 };
        var jobs = new Option<int>("--jobs") { Description = "Jobs configured for the scheduler run", DefaultValueFactory = _ => 200 };
        var platforms = new Option<int>("--platforms") { Description = "Platforms configured for the scheduler run", DefaultValueFactory = _ => 50 };
        var postgres = new Option<string>("--postgres")
        {
            Description = "PostgreSQL server for the scheduler run's scratch database (env KERNELCI_BENCH_POSTGRES)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("KERNELCI_BENCH_POSTGRES") ?? KcidbIngest.KcidbIngestScenario.DefaultPostgres,
        };
        var command = new Command(Name, Description) { parts, trees, jobs, platforms, postgres };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var selected = parse.GetValue(parts) is { Length: > 0 } p ? p : ["loop", "trees", "scheduler"];
            var settings = new PipelineSettings(selected, parse.GetValue(trees), parse.GetValue(jobs), parse.GetValue(platforms), parse.GetValue(postgres)!);
            if (settings.Trees < 1 || settings.Jobs < 1 || settings.Platforms < 1)
            {
                await output.WriteLineAsync("--trees, --jobs and --platforms must be positive");
                return ExitCodes.Usage;
            }

            return await new PipelineBenchmark(settings, output).RunAsync(cancellationToken);
        });
        return command;
    }
}
