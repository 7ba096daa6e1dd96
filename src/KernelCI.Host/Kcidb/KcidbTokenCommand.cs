using System.CommandLine;
using KernelCI.ServiceDefaults;
using KernelCI.Kcidb.Submissions;

namespace KernelCI.Host.Kcidb;

internal static class KcidbTokenCommand
{
    public static Command Create(IAppConsole console)
    {
        var dataDir = CommonOptions.DataDir();
        var origin = new Option<string>("--origin") { Description = "The submitter's origin (^[a-z0-9_]+$)", Required = true };
        var admin = new Option<bool>("--admin") { Description = "May submit objects of any origin" };
        var days = new Option<int>("--days") { Description = "Validity in days", DefaultValueFactory = _ => 365 };
        var command = new Command("token", "Print a submission JWT signed with the data folder's secret") { dataDir, origin, admin, days };
        command.SetAction(async (parse, _) =>
        {
            var originValue = parse.GetValue(origin)!;
            if (!SubmissionAuthenticator.OriginPattern().IsMatch(originValue))
            {
                await console.Error.WriteLineAsync($"--origin: '{originValue}' must match ^[a-z0-9_]+$");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(days) <= 0)
            {
                await console.Error.WriteLineAsync("--days: must be a positive number of days");
                return ExitCodes.Usage;
            }

            var secret = new SecretStore(parse.GetValue(dataDir)!).Get(SubmissionAuthenticator.SecretName);
            var expires = DateTimeOffset.UtcNow.AddDays(parse.GetValue(days));
            await console.Out.WriteLineAsync(SubmissionAuthenticator.IssueToken(secret, originValue, parse.GetValue(admin), expires));
            return ExitCodes.Success;
        });
        return command;
    }
}
