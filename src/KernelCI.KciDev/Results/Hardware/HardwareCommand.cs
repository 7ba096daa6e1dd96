using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Results.Hardware;

/// <summary>`results hardware list|summary|builds|boots|tests`: what the dashboard knows of one board over the last 7
/// days (kci-dev.md §2.2).</summary>
internal static class HardwareCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("hardware", "The hardware tested in the last 7 days, and one board's results (a platform or compatible)");
        command.Subcommands.Add(HardwareListCommand.Create(context));
        command.Subcommands.Add(HardwareSummaryCommand.Create(context));
        command.Subcommands.Add(HardwareItemsCommand.Create(context, "builds"));
        command.Subcommands.Add(HardwareItemsCommand.Create(context, "boots"));
        command.Subcommands.Add(HardwareItemsCommand.Create(context, "tests"));
        return command;
    }
}
