using System.CommandLine;

namespace KernelCI.Bench.Patchwork;

internal sealed class PatchworkScenario : IScenario
{
    public string Name => "patchwork";

    public string Description => "Patchwork: series-completed event to first pending and to final checks, split into orchestration, build and boot with --real-kernel; series handled per minute (fake kbuild)";

    public Command CreateCommand(TextWriter output)
    {
        var queued = new Option<int>("--series") { Description = "Series queued at once for the throughput run (fake kbuild); 0 skips it", DefaultValueFactory = _ => 200 };
        var single = new Option<int>("--latency-runs") { Description = "3-patch series sent one at a time for the latency run", DefaultValueFactory = _ => 3 };
        var real = new Option<bool>("--real-kernel")
        {
            Description = "Latency runs with the real kbuild (tinyconfig x86_64 of linux-source-6.1, shared ccache) and QEMU boot, split into orchestration, build and boot",
        };
        var command = new Command(Name, Description) { queued, single, real };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(queued) < 0 || parse.GetValue(single) < 1)
            {
                await output.WriteLineAsync("--series must be 0 or more and --latency-runs positive");
                return ExitCodes.Usage;
            }

            return await new PatchworkBenchmark(parse.GetValue(queued), parse.GetValue(single), parse.GetValue(real), output).RunAsync(cancellationToken);
        });
        return command;
    }
}
