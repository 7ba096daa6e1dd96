using KernelCI.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace KernelCI.Maestro;

/// <summary>Checks the `Maestro` section at start; each failure names its key (docs/configuration.md lists them).</summary>
internal sealed class MaestroOptionsValidator : IValidateOptions<MaestroOptions>
{
    // PostgreSQL's statement_timeout is an int of milliseconds.
    private static readonly TimeSpan MaxPatternTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    public ValidateOptionsResult Validate(string? name, MaestroOptions options)
    {
        var section = name ?? "Maestro";
        return new OptionsRules()
            .Require(options.KeepAlive > TimeSpan.Zero, $"{section}:KeepAlive: must be positive, is {options.KeepAlive}")
            .Require(options.TokenLifetime > TimeSpan.Zero, $"{section}:TokenLifetime: must be positive, is {options.TokenLifetime}")
            .Require(options.ConcurrentNodeWrites is null or > 0,
                $"{section}:ConcurrentNodeWrites: must be at least 1 (or unset), is {options.ConcurrentNodeWrites}")
            .Require(options.UserCacheLifetime >= TimeSpan.Zero,
                $"{section}:UserCacheLifetime: must not be negative, is {options.UserCacheLifetime}")
            .Require(options.PatternTimeout > TimeSpan.Zero && options.PatternTimeout <= MaxPatternTimeout,
                $"{section}:PatternTimeout: must be positive and under 24 days, is {options.PatternTimeout}")
            .Result;
    }
}
