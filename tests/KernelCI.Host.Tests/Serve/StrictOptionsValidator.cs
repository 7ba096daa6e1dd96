using KernelCI.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace KernelCI.Host.Tests.Serve;

internal sealed class StrictOptionsValidator : IValidateOptions<StrictOptions>
{
    public ValidateOptionsResult Validate(string? name, StrictOptions options) => new OptionsRules()
        .Require(options.Limit > 0, "Strict:Limit must be positive")
        .Require(options.Name is not null, "Strict:Name must be set")
        .Result;
}
