namespace KernelCI.Notifications.Outbox;

/// <summary>The kinds of mail in the outbox (docs/notifications.md, "Report kinds").</summary>
internal static class MailKinds
{
    public const string Confirmation = "confirmation";
    public const string Regression = "regression";
    public const string Culprit = "culprit";
    public const string Fixed = "fixed";
    public const string Summary = "summary";
}
