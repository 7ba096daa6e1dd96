using KernelCI.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace KernelCI.Pipeline.Services.SendKcidb;

/// <summary>Checks "Pipeline:Bridge"; <c>name</c> is the section's path, which every failure starts with.</summary>
public sealed class BridgeOptionsValidator : IValidateOptions<BridgeOptions>
{
    public ValidateOptionsResult Validate(string? name, BridgeOptions options) => new OptionsRules()
        .Require(options.SweepInterval > TimeSpan.Zero, $"{name}:SweepInterval: must be positive, got {options.SweepInterval}")
        .Require(options.BatchSize > 0, $"{name}:BatchSize: must be positive, got {options.BatchSize}")
        .Result;
}
