using System.CommandLine;

namespace KernelCI.Bench.Patchwork;

internal sealed class PatchworkScenario : IScenario
{
    public string Name => "patchwork";

    public string Description => "Patchwork: series-completed event to first pending and to final checks; series handled per minute (fake kbuild)";

    public Command CreateCommand(TextWriter output)
    {
        var queued = new Option<int>("--series") { Description = "Series queued at once for the throughput run", DefaultValueFactory = _ => 200 };
        var single = new Option<int>("--latency-runs") { Description = "3-patch series sent one at a time for the latency run", DefaultValueFactory = _ => 3 };
        var command = new Command(Name, Description) { queued, single };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(queued) < 1 || parse.GetValue(single) < 1)
            {
                await output.WriteLineAsync("--series and --latency-runs must be positive");
                return ExitCodes.Usage;
            }

            return await new PatchworkBenchmark(parse.GetValue(queued), parse.GetValue(single), output).RunAsync(cancellationToken);
        });
        return command;
    }
}
