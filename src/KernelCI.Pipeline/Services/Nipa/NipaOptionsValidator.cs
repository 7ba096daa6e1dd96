using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace KernelCI.Pipeline.Services.Nipa;

/// <summary>Checks "Pipeline:Nipa" at start, each problem named by its key.</summary>
public sealed class NipaOptionsValidator : IValidateOptions<NipaOptions>
{
    public ValidateOptionsResult Validate(string? name, NipaOptions options)
    {
        var section = string.IsNullOrEmpty(name) ? "Pipeline:Nipa" : name;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Executor) || options.Executor.Length > 80)
        {
            failures.Add($"{section}:Executor: must be 1 to 80 characters");
        }

        if (!SafePath(options.ManifestPath) || !options.ManifestPath.EndsWith(".json", StringComparison.Ordinal))
        {
            failures.Add($"{section}:ManifestPath: '{options.ManifestPath}' is not a relative storage path ending in .json");
        }

        if (!SafePath(options.ResultsFolder))
        {
            failures.Add($"{section}:ResultsFolder: '{options.ResultsFolder}' is not a relative storage path");
        }

        if (options.MaxEntries < 1)
        {
            failures.Add($"{section}:MaxEntries: must be at least 1");
        }

        if (options.MaxAge <= TimeSpan.Zero)
        {
            failures.Add($"{section}:MaxAge: must be positive");
        }

        if (options.DashboardUrl is { } dashboard && !(Uri.TryCreate(dashboard, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            failures.Add($"{section}:DashboardUrl: '{dashboard}' is not an http(s) URL");
        }

        foreach (var (platform, device) in options.Devices)
        {
            if (device.TrimStart().StartsWith('{') && !IsObject(device))
            {
                failures.Add($"{section}:Devices:{platform}: not a JSON object");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool SafePath(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Contains('\\') && path.Split('/').All(s => s.Length > 0 && s != "." && s != "..");

    private static bool IsObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
