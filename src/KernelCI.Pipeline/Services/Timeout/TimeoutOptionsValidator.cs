using KernelCI.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace KernelCI.Pipeline.Services.Timeout;

/// <summary>Checks "Pipeline:Timeout"; <c>name</c> is the section's path, which every failure starts with.</summary>
public sealed class TimeoutOptionsValidator : IValidateOptions<TimeoutOptions>
{
    public ValidateOptionsResult Validate(string? name, TimeoutOptions options) => new OptionsRules()
        .Require(options.Period > TimeSpan.Zero, $"{name}:Period: must be positive, got {options.Period}")
        .Result;
}
