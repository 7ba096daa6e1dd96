using System.CommandLine;

namespace KernelCI.Host.Users;

internal static class UsersCommand
{
    public static Command Create(IAppConsole console)
    {
        var command = new Command("users", "Maestro API accounts: add users and print their tokens");
        command.Subcommands.Add(UsersAddCommand.Create(console));
        command.Subcommands.Add(UsersTokenCommand.Create(console));
        return command;
    }
}
