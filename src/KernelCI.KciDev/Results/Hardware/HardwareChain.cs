using System.CommandLine;
using System.Runtime.CompilerServices;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Results.Hardware;

/// <summary>Upstream's `hardware` group chains its subcommands (a click group with `chain=True`,
/// kernelci/kci-dev:kcidev/subcommands/results/hardware.py): `hardware summary --name X boots --name X --status fail`
/// runs both, in order. Here each subcommand has the others as hidden children, <see cref="Depth"/> deep, each with
/// its own options, and the command line's last one runs the whole chain from the first.</summary>
internal static class HardwareChain
{
    /// <summary>How many subcommands one command line may chain.</summary>
    public const int Depth = 3;

    private static readonly ConditionalWeakTable<Command, Func<CommandSession, CancellationToken, Task<int>>> Work = [];

    /// <summary>The five subcommands, each with the chain's next ones under it.</summary>
    public static IEnumerable<Command> Commands(CliContext context, int depth = 1)
    {
        Command[] commands =
        [
            HardwareListCommand.Create(context),
            HardwareSummaryCommand.Create(context),
            HardwareItemsCommand.Create(context, "builds"),
            HardwareItemsCommand.Create(context, "boots"),
            HardwareItemsCommand.Create(context, "tests"),
        ];
        if (depth < Depth)
        {
            foreach (var command in commands)
            {
                // A command cannot have a child of its own name (System.CommandLine's tokens); chaining one twice in a row is pointless.
                foreach (var next in Commands(context, depth + 1).Where(n => n.Name != command.Name))
                {
                    next.Hidden = true;
                    command.Subcommands.Add(next);
                }
            }
        }

        return commands;
    }

    /// <summary>Sets what <paramref name="command"/> does; run as the chain's last, it runs the earlier ones first and
    /// stops at the first that fails.</summary>
    public static void SetAction(Command command, CliContext context, Func<CommandSession, CancellationToken, Task<int>> work)
    {
        Work.Add(command, work);
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var chain = new List<Func<CommandSession, CancellationToken, Task<int>>>();
            for (var result = session.Parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            {
                if (Work.TryGetValue(result.Command, out var step))
                {
                    chain.Insert(0, step);
                }
            }

            foreach (var step in chain)
            {
                if (await step(session, cancellationToken) is var code and not ExitCodes.Success)
                {
                    return code;
                }
            }

            return ExitCodes.Success;
        });
    }
}
