namespace KernelCI.Notifications.Outbox;

/// <summary>The kinds of mail in the outbox (docs/notifications.md, "Report kinds").</summary>
internal static class MailKinds
{
    public const string Confirmation = "confirmation";
    public const string Regression = "regression";
    public const string Culprit = "culprit";
    public const string Fixed = "fixed";
    public const string Summary = "summary";
    public const string Checkout = "checkout";
    public const string BuildIssue = "build-issue";
    public const string Digest = "digest";
    public const string Hardware = "hardware";
    public const string Metrics = "metrics";
}
