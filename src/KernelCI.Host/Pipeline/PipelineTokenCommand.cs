using System.CommandLine;
using KernelCI.ServiceDefaults;
using KernelCI.Pipeline.Api;

namespace KernelCI.Host.Pipeline;

/// <summary>`kernelci pipeline token EMAIL --permission P…`: a developer token for the pipeline API (kci-dev's
/// `token`), signed with the data folder's pipeline-jwt secret.</summary>
internal static class PipelineTokenCommand
{
    public static Command Create(IAppConsole console)
    {
        var dataDir = CommonOptions.DataDir();
        var email = new Argument<string>("email") { Description = "The developer's e-mail; nodes are submitted as user:EMAIL" };
        var permissions = new Option<string[]>("--permission")
        {
            Description = $"Allowed request, repeatable: {string.Join(", ", PipelineTokens.Permissions)}",
            AllowMultipleArgumentsPerToken = false,
        };
        var days = new Option<int>("--days") { Description = "Validity in days", DefaultValueFactory = _ => 365 };
        var command = new Command("token", "Print a pipeline API token signed with the data folder's secret") { dataDir, email, permissions, days };
        command.SetAction(async (parse, _) =>
        {
            var emailValue = parse.GetValue(email)!;
            if (!emailValue.Contains('@', StringComparison.Ordinal))
            {
                await console.Error.WriteLineAsync($"email: '{emailValue}' is not an e-mail address");
                return ExitCodes.Usage;
            }

            var granted = parse.GetValue(permissions) ?? [];
            if (granted.Length == 0)
            {
                await console.Error.WriteLineAsync($"--permission: give at least one of {string.Join(", ", PipelineTokens.Permissions)}");
                return ExitCodes.Usage;
            }

            if (granted.FirstOrDefault(p => !PipelineTokens.Permissions.Contains(p)) is { } unknown)
            {
                await console.Error.WriteLineAsync($"--permission: unknown permission '{unknown}'; known: {string.Join(", ", PipelineTokens.Permissions)}");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(days) <= 0)
            {
                await console.Error.WriteLineAsync("--days: must be a positive number of days");
                return ExitCodes.Usage;
            }

            var secret = new SecretStore(parse.GetValue(dataDir)!).Get(PipelineTokens.SecretName);
            var expires = DateTimeOffset.UtcNow.AddDays(parse.GetValue(days));
            await console.Out.WriteLineAsync(PipelineTokens.Issue(secret, emailValue, [.. granted.Distinct()], expires));
            return ExitCodes.Success;
        });
        return command;
    }
}
