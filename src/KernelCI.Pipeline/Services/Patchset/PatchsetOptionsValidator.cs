using KernelCI.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace KernelCI.Pipeline.Services.Patchset;

/// <summary>Checks "Pipeline:Patchset"; <c>name</c> is the section's path, which every failure starts with.</summary>
public sealed class PatchsetOptionsValidator : IValidateOptions<PatchsetOptions>
{
    public ValidateOptionsResult Validate(string? name, PatchsetOptions options)
    {
        var rules = new OptionsRules()
            .Require(options.AllowedDomains.Count == 0, $"{name}:AllowedDomains: replaced by AllowedOrigins (scheme://host[:port], matched exactly)");
        foreach (var origin in options.AllowedOrigins)
        {
            rules.Require(PatchOrigins.TryParse(origin, out _),
                $"{name}:AllowedOrigins: '{origin}' is not an origin (http(s)://host[:port], without a path)");
        }

        Positive(rules, $"{name}:{nameof(options.PollPeriod)}", options.PollPeriod);
        Positive(rules, $"{name}:{nameof(options.ConnectTimeout)}", options.ConnectTimeout);
        Positive(rules, $"{name}:{nameof(options.ReadTimeout)}", options.ReadTimeout);
        Positive(rules, $"{name}:{nameof(options.DownloadTimeout)}", options.DownloadTimeout);
        rules.Require(options.MaxPatchBytes is > 0 and <= int.MaxValue,
            $"{name}:{nameof(options.MaxPatchBytes)}: must be between 1 and {int.MaxValue}, got {options.MaxPatchBytes}");
        Range(rules, $"{name}:{nameof(options.MaxRedirects)}", options.MaxRedirects, 0, 20);
        Range(rules, $"{name}:{nameof(options.MaxAttempts)}", options.MaxAttempts, 1, 100);
        Range(rules, $"{name}:{nameof(options.MaxConcurrentNodes)}", options.MaxConcurrentNodes, 1, 64);
        return rules.Result;
    }

    private static void Positive(OptionsRules rules, string key, TimeSpan value) =>
        rules.Require(value > TimeSpan.Zero && value <= TimeSpan.FromDays(1), $"{key}: must be positive and at most a day, got {value}");

    private static void Range(OptionsRules rules, string key, int value, int min, int max) =>
        rules.Require(value >= min && value <= max, $"{key}: must be between {min} and {max}, got {value}");
}
