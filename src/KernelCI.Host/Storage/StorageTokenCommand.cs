using System.CommandLine;
using KernelCI.ServiceDefaults;
using KernelCI.Storage.Auth;

namespace KernelCI.Host.Storage;

/// <summary>`kernelci storage token EMAIL [--days N]`: upstream's --generate-jwt-token, signed with the data folder's secret.</summary>
internal static class StorageTokenCommand
{
    public static Command Create(IAppConsole console)
    {
        var dataDir = CommonOptions.DataDir();
        var email = new Argument<string>("EMAIL") { Description = "The uploader's email (the token's `email` claim)" };
        var days = new Option<int?>("--days") { Description = "Validity in days; without it the token never expires, as upstream's" };
        var command = new Command("token", "Print a storage upload JWT") { email, dataDir, days };
        command.SetAction(async (parse, _) =>
        {
            var emailValue = parse.GetValue(email)!.Trim();
            if (emailValue.Length == 0)
            {
                await console.Error.WriteLineAsync("EMAIL: must not be empty");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(days) is <= 0)
            {
                await console.Error.WriteLineAsync("--days: must be a positive number of days");
                return ExitCodes.Usage;
            }

            var secret = new SecretStore(parse.GetValue(dataDir)!).Get(StorageAuthenticator.SecretName);
            var expires = parse.GetValue(days) is { } n ? DateTimeOffset.UtcNow.AddDays(n) : (DateTimeOffset?)null;
            await console.Out.WriteLineAsync(StorageAuthenticator.IssueToken(secret, emailValue, expires));
            return ExitCodes.Success;
        });
        return command;
    }
}
