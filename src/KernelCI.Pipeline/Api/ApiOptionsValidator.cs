using KernelCI.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace KernelCI.Pipeline.Api;

/// <summary>Checks "Pipeline:Api"; <c>name</c> is the section's path, which every failure starts with.</summary>
public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options) => new OptionsRules()
        .Require(options.MaxBodyBytes is > 0 and <= int.MaxValue,
            $"{name}:MaxBodyBytes: must be between 1 and {int.MaxValue} bytes, got {options.MaxBodyBytes}")
        .Require(options.MaxPatchsetBodyBytes is > 0 and <= int.MaxValue,
            $"{name}:MaxPatchsetBodyBytes: must be between 1 and {int.MaxValue} bytes, got {options.MaxPatchsetBodyBytes}")
        .Require(options.MaxCallbackBodyBytes is > 0 and <= int.MaxValue,
            $"{name}:MaxCallbackBodyBytes: must be between 1 and {int.MaxValue} bytes, got {options.MaxCallbackBodyBytes}")
        .Require(options.BodyTimeout > TimeSpan.Zero && options.BodyTimeout <= TimeSpan.FromHours(1),
            $"{name}:BodyTimeout: must be positive and at most an hour, got {options.BodyTimeout}")
        .Result;
}
