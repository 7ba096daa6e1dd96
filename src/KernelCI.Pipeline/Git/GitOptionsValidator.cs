using KernelCI.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace KernelCI.Pipeline.Git;

/// <summary>Checks "Pipeline:Git"; <c>name</c> is the section's path, which every failure starts with.</summary>
public sealed class GitOptionsValidator : IValidateOptions<GitOptions>
{
    public ValidateOptionsResult Validate(string? name, GitOptions options)
    {
        var rules = new OptionsRules();
        for (var i = 0; i < options.ExtraSchemes.Count; i++)
        {
            rules.Require(GitOptions.Known.Contains(options.ExtraSchemes[i]),
                $"{name}:ExtraSchemes:{i}: '{options.ExtraSchemes[i]}' is not one of {string.Join(", ", GitOptions.Known)} (https is always accepted)");
        }

        return rules.Result;
    }
}
