using System.CommandLine;
using KernelCI.Host.Tokens;
using KernelCI.Maestro.Users;

namespace KernelCI.Host.Users;

/// <summary>`kernelci users token NAME [--days N]`: a Maestro API bearer token for an existing user.</summary>
internal static class UsersTokenCommand
{
    public static Command Create(IAppConsole console)
    {
        var database = DataFolderDatabase.Option();
        var name = new Argument<string>("NAME") { Description = "The username" };
        return new TokenCommand
        {
            Description = "Print a Maestro API bearer token for a user",
            SecretName = UserTokens.SecretName,
            Lifetime = TokenLifetime.Days(3650),
            Arguments = [name],
            Options = [database],
            Issue = async (request, cancellationToken) =>
            {
                await using var db = DataFolderDatabase.Open(request.DataDir, request.Parse.GetValue(database));
                return await UserAdmin.TokenAsync(db, request.Secret, request.Parse.GetValue(name)!, request.Lifetime!.Value, cancellationToken);
            },
            Missing = parse => $"no user '{parse.GetValue(name)}'",
        }.Create(console);
    }
}
