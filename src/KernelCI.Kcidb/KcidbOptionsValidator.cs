using KernelCI.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace KernelCI.Kcidb;

/// <summary>Checks the `Kcidb` section at start (docs/configuration.md lists its keys).</summary>
public sealed class KcidbOptionsValidator : IValidateOptions<KcidbOptions>
{
    public ValidateOptionsResult Validate(string? name, KcidbOptions options) => new OptionsRules()
        .Require(options.MaxSubmissionBytes > 0, "Kcidb:MaxSubmissionBytes must be positive")
        .Require(options.BatchFiles > 0 && options.BatchBytes > 0, "Kcidb:BatchFiles and Kcidb:BatchBytes must be positive")
        .Require(options.TransactionBytes >= 0, "Kcidb:TransactionBytes must be 0 or more")
        .Require(options.Origin is null || Submissions.SubmissionAuthenticator.OriginPattern().IsMatch(options.Origin), "Kcidb:Origin must match ^[a-z0-9_]+$")
        .Require(options.KnownIssueBackfillDays is >= 0 and <= 366, "Kcidb:KnownIssueBackfillDays must be from 0 to 366")
        .Result;
}
