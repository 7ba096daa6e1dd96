using System.CommandLine;

namespace KernelCI.Host.Kcidb;

internal static class KcidbCommand
{
    public static Command Create(IAppConsole console)
    {
        var command = new Command("kcidb", "KCIDB tools: validate, upgrade, submit, query, token, regressions");
        command.Subcommands.Add(KcidbValidateCommand.Create(console, upgrade: false));
        command.Subcommands.Add(KcidbValidateCommand.Create(console, upgrade: true));
        command.Subcommands.Add(KcidbSubmitCommand.Create(console));
        command.Subcommands.Add(KcidbQueryCommand.Create(console));
        command.Subcommands.Add(KcidbTokenCommand.Create(console));
        command.Subcommands.Add(KcidbRegressionsCommand.Create(console));
        return command;
    }
}
