using System.CommandLine;
using KernelCI.Host.Tokens;
using KernelCI.Pipeline.Api;

namespace KernelCI.Host.Pipeline;

/// <summary>`kernelci pipeline token EMAIL --permission P…`: a developer token for the pipeline API (kci-dev's
/// `token`), signed with the data folder's pipeline-jwt secret.</summary>
internal static class PipelineTokenCommand
{
    public static Command Create(IAppConsole console)
    {
        var email = new Argument<string>("email") { Description = "The developer's e-mail; nodes are submitted as user:EMAIL" };
        var permissions = new Option<string[]>("--permission")
        {
            Description = $"Allowed request, repeatable: {string.Join(", ", PipelineTokens.Permissions)}",
            AllowMultipleArgumentsPerToken = false,
        };
        return new TokenCommand
        {
            Description = "Print a pipeline API token signed with the data folder's secret",
            SecretName = PipelineTokens.SecretName,
            Lifetime = TokenLifetime.Days(365),
            Arguments = [email],
            Options = [permissions],
            Check = parse => Check(parse.GetValue(email)!, parse.GetValue(permissions) ?? []),
            Issue = (request, _) => Task.FromResult<string?>(PipelineTokens.Issue(request.Secret, request.Parse.GetValue(email)!,
                [.. (request.Parse.GetValue(permissions) ?? []).Distinct()], request.Expires!.Value)),
        }.Create(console);
    }

    private static string? Check(string email, string[] granted) =>
        !email.Contains('@', StringComparison.Ordinal) ? $"email: '{email}' is not an e-mail address"
        : granted.Length == 0 ? $"--permission: give at least one of {string.Join(", ", PipelineTokens.Permissions)}"
        : granted.FirstOrDefault(p => !PipelineTokens.Permissions.Contains(p)) is { } unknown
            ? $"--permission: unknown permission '{unknown}'; known: {string.Join(", ", PipelineTokens.Permissions)}"
        : null;
}
