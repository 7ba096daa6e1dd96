using System.CommandLine;

namespace KernelCI.Host.Storage;

internal static class StorageCommand
{
    public static Command Create(IAppConsole console)
    {
        var command = new Command("storage", "Artifact storage tools: token");
        command.Subcommands.Add(StorageTokenCommand.Create(console));
        return command;
    }
}
