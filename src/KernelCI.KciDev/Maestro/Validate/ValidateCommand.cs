using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Maestro.Validate;

/// <summary>`maestro validate builds|boots`: does the dashboard hold what Maestro produced? (kci-dev.md §2.1, §3.3)</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("validate", "Compare the dashboard's builds and boots with Maestro's nodes");
        command.Subcommands.Add(ValidateKindCommand.Create(context, "builds"));
        command.Subcommands.Add(ValidateKindCommand.Create(context, "boots"));
        return command;
    }
}
