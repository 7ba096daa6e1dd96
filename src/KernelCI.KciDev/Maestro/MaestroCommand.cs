using System.CommandLine;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Maestro.Coverage;
using KernelCI.KciDev.Maestro.Validate;

namespace KernelCI.KciDev.Maestro;

/// <summary>`kci-dev maestro …`: reads the Maestro API of the chosen instance, which needs a config file (kci-dev.md §2.1).</summary>
internal static class MaestroCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("maestro", "Maestro API commands: query nodes, coverage, validate the dashboard against Maestro");
        // One line per subcommand; each is its own class in this folder.
        command.Subcommands.Add(MaestroResultsCommand.Create(context));
        command.Subcommands.Add(ValidateCommand.Create(context));
        command.Subcommands.Add(CoverageCommand.Create(context));
        return command;
    }
}
