using System.CommandLine;
using KernelCI.Maestro.Users;

namespace KernelCI.Host.Users;

internal static class UsersAddCommand
{
    public static Command Create(IAppConsole console)
    {
        var dataDir = CommonOptions.DataDir();
        var database = DataFolderDatabase.Option();
        var name = new Argument<string>("NAME") { Description = "The username" };
        var admin = new Option<bool>("--admin") { Description = "A superuser" };
        var groups = new Option<string[]>("--group") { Description = "A group to join (created if missing); repeatable", AllowMultipleArgumentsPerToken = false };
        var password = new Option<string?>("--password") { Description = "Password for /user/login (default: random; use `users token`)" };
        var command = new Command("add", "Create a Maestro API user") { name, dataDir, database, admin, groups, password };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var db = DataFolderDatabase.Open(parse.GetValue(dataDir)!, parse.GetValue(database));
            bool added;
            try
            {
                added = await UserAdmin.AddAsync(db, parse.GetValue(name)!, parse.GetValue(admin), parse.GetValue(groups) ?? [], parse.GetValue(password), cancellationToken);
            }
            catch (ArgumentException e)
            {
                await console.Error.WriteLineAsync(e.Message);
                return ExitCodes.Failure;
            }

            if (!added)
            {
                await console.Error.WriteLineAsync($"user '{parse.GetValue(name)}' already exists");
                return ExitCodes.Failure;
            }

            await console.Out.WriteLineAsync($"added user {parse.GetValue(name)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
