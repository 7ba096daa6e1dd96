using KernelCI.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace KernelCI.Pipeline.Services.Trigger;

/// <summary>Checks "Pipeline:Trigger"; <c>name</c> is the section's path, which every failure starts with.</summary>
public sealed class TriggerOptionsValidator : IValidateOptions<TriggerOptions>
{
    public ValidateOptionsResult Validate(string? name, TriggerOptions options) => new OptionsRules()
        .Require(options.PollPeriod >= TimeSpan.Zero, $"{name}:PollPeriod: must not be negative (0 polls once), got {options.PollPeriod}")
        .Require(options.StartupDelay >= TimeSpan.Zero, $"{name}:StartupDelay: must not be negative, got {options.StartupDelay}")
        .Require(options.CheckoutTimeout > TimeSpan.Zero, $"{name}:CheckoutTimeout: must be positive, got {options.CheckoutTimeout}")
        .Result;
}
