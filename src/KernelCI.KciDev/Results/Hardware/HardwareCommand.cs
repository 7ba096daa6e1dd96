using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Results.Hardware;

/// <summary>`results hardware list|summary|builds|boots|tests`: what the dashboard knows of one board over the last 7
/// days (kci-dev.md §2.2); chainable as upstream's (<see cref="HardwareChain"/>).</summary>
internal static class HardwareCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("hardware", "The hardware tested in the last 7 days, and one board's results (a platform or compatible)");
        foreach (var subcommand in HardwareChain.Commands(context))
        {
            command.Subcommands.Add(subcommand);
        }

        return command;
    }
}
