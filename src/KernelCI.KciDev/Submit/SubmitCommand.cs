using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Submit;

/// <summary>`kci-dev submit …`: sends results to a KCIDB REST server; needs no config file (kci-dev.md §2.3).</summary>
internal static class SubmitCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("submit", "Submit data to KCIDB");
        command.Subcommands.Add(SubmitBuildCommand.Create(context));
        return command;
    }
}
