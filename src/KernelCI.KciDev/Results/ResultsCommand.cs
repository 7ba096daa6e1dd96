using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Results;

/// <summary>`kci-dev results …`: read-only, from the dashboard API alone; no config file needed (kci-dev.md §2.2).</summary>
internal static class ResultsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("results", "Results from the dashboard API: trees, summaries, builds, boots, tests, issues, hardware");
        // One line per subcommand; each subcommand is its own class in this folder.
        command.Subcommands.Add(TreesCommand.Create(context));
        command.Subcommands.Add(SummaryCommand.Create(context));
        command.Subcommands.Add(BuildsCommand.Create(context));
        command.Subcommands.Add(BootsCommand.Create(context));
        command.Subcommands.Add(TestsCommand.Create(context));
        command.Subcommands.Add(BuildCommand.Create(context));
        command.Subcommands.Add(BootCommand.Create(context));
        command.Subcommands.Add(TestCommand.Create(context));
        command.Subcommands.Add(CompareCommand.Create(context));
        command.Subcommands.Add(IssuesCommand.Create(context));
        command.Subcommands.Add(IssueCommand.Create(context));
        command.Subcommands.Add(TreeReportCommand.Create(context));
        command.Subcommands.Add(RegressionsCommand.Create(context));
        command.Subcommands.Add(Hardware.HardwareCommand.Create(context));
        return command;
    }
}
