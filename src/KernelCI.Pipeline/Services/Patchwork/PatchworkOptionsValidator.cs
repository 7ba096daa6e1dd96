using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>Checks "Pipeline:Patchwork": every failure names its key.</summary>
public sealed class PatchworkOptionsValidator : IValidateOptions<PatchworkOptions>
{
    public ValidateOptionsResult Validate(string? name, PatchworkOptions options)
    {
        var section = string.IsNullOrEmpty(name) ? "Pipeline:Patchwork" : name;
        var failures = new List<string>();
        if (options.PollPeriod <= TimeSpan.Zero)
        {
            failures.Add($"{section}:PollPeriod: must be positive");
        }

        if (options.MaxPatches is < 1 or > 1000)
        {
            failures.Add($"{section}:MaxPatches: must be between 1 and 1000");
        }

        if (options.MaxMboxBytes < 1024)
        {
            failures.Add($"{section}:MaxMboxBytes: must be at least 1024");
        }

        if (!Regex.IsMatch(options.ContextPrefix, "^[-a-zA-Z0-9_]{1,64}$"))
        {
            failures.Add($"{section}:ContextPrefix: '{options.ContextPrefix}' is not a Patchwork context slug ([-a-zA-Z0-9_], at most 64)");
        }

        if (options.DashboardUrl is { } dashboard && !IsHttp(dashboard))
        {
            failures.Add($"{section}:DashboardUrl: '{dashboard}' is not an http(s) URL");
        }

        for (var i = 0; i < options.Projects.Count; i++)
        {
            var project = options.Projects[i];
            var key = $"{section}:Projects:{i}";
            if (!IsHttp(project.Url))
            {
                failures.Add($"{key}:Url: '{project.Url}' is not an http(s) URL");
            }

            if (string.IsNullOrWhiteSpace(project.Project))
            {
                failures.Add($"{key}:Project: is empty");
            }

            if (string.IsNullOrWhiteSpace(project.Tree))
            {
                failures.Add($"{key}:Tree: is empty");
            }

            if (string.IsNullOrWhiteSpace(project.Branch))
            {
                failures.Add($"{key}:Branch: is empty");
            }

            if (project.SubjectMatch is { Length: > 0 } pattern)
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException e)
                {
                    failures.Add($"{key}:SubjectMatch: {e.Message}");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
