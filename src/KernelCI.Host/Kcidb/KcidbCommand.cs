using System.CommandLine;

namespace KernelCI.Host.Kcidb;

internal static class KcidbCommand
{
    public static Command Create(IAppConsole console)
    {
        var command = new Command("kcidb", "KCIDB tools: validate, upgrade, submit, query, token");
        command.Subcommands.Add(KcidbTokenCommand.Create(console));
        return command;
    }
}
