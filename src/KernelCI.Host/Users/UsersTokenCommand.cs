using System.CommandLine;
using KernelCI.ServiceDefaults;
using KernelCI.Maestro.Users;

namespace KernelCI.Host.Users;

internal static class UsersTokenCommand
{
    public static Command Create(IAppConsole console)
    {
        var dataDir = CommonOptions.DataDir();
        var database = DataFolderDatabase.Option();
        var name = new Argument<string>("NAME") { Description = "The username" };
        var days = new Option<int>("--days") { Description = "Validity in days", DefaultValueFactory = _ => 3650 };
        var command = new Command("token", "Print a Maestro API bearer token for a user") { name, dataDir, database, days };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(days) <= 0)
            {
                await console.Error.WriteLineAsync("--days: must be a positive number of days");
                return ExitCodes.Usage;
            }

            var secret = new SecretStore(parse.GetValue(dataDir)!).Get(UserTokens.SecretName);
            await using var db = DataFolderDatabase.Open(parse.GetValue(dataDir)!, parse.GetValue(database));
            var token = await UserAdmin.TokenAsync(db, secret, parse.GetValue(name)!, TimeSpan.FromDays(parse.GetValue(days)), cancellationToken);
            if (token is null)
            {
                await console.Error.WriteLineAsync($"no user '{parse.GetValue(name)}'");
                return ExitCodes.Failure;
            }

            await console.Out.WriteLineAsync(token);
            return ExitCodes.Success;
        });
        return command;
    }
}
