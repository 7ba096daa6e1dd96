using KernelCI.ServiceDefaults;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KernelCI.Notifications;

/// <summary>Checks the "Notifications" section at start; each failure names its key.</summary>
internal sealed class NotificationsOptionsValidator : IValidateOptions<NotificationsOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationsOptions options) => new OptionsRules()
        .Require(options.Smtp.Host.Length == 0 || Uri.CheckHostName(options.Smtp.Host) != UriHostNameType.Unknown,
            "Notifications:Smtp:Host must be a host name or address")
        .Require(options.Smtp.Port is >= 0 and <= 65535, "Notifications:Smtp:Port must be 1-65535 (0: the security's usual port)")
        .Require(options.Smtp.Security is "none" or "starttls" or "tls", "Notifications:Smtp:Security must be none, starttls or tls")
        .Require(options.Smtp.TimeoutSeconds is > 0 and <= 600, "Notifications:Smtp:TimeoutSeconds must be 1-600")
        .Require(MailboxAddress.TryParse(options.From, out var from) && from.Address.Contains('@', StringComparison.Ordinal),
            "Notifications:From must be an address such as \"KernelCI bot <bot@example.org>\"")
        .Require(options.DashboardUrl.Length == 0 || Uri.TryCreate(options.DashboardUrl, UriKind.Absolute, out _),
            "Notifications:DashboardUrl must be an absolute URL")
        .Require(options.KcidbUrl.Length == 0 || Uri.TryCreate(options.KcidbUrl, UriKind.Absolute, out _),
            "Notifications:KcidbUrl must be an absolute URL")
        .Require(options.FeedWaitSeconds is >= 0 and <= 60, "Notifications:FeedWaitSeconds must be 0-60")
        .Require(options.PerRecipientLimit > 0, "Notifications:PerRecipientLimit must be positive")
        .Require(options.PerTreeLimit > 0, "Notifications:PerTreeLimit must be positive")
        .Require(options.LimitWindowMinutes > 0, "Notifications:LimitWindowMinutes must be positive")
        .Require(options.SummaryDelaySeconds >= 0, "Notifications:SummaryDelaySeconds must be 0 or more")
        .Require(options.MaxAttempts > 0, "Notifications:MaxAttempts must be positive")
        .Require(options.RetrySeconds > 0, "Notifications:RetrySeconds must be positive")
        .Require(options.DigestHour is >= 0 and <= 23, "Notifications:DigestHour must be 0-23")
        .Require(options.LogExcerptLines is >= 0 and <= 500, "Notifications:LogExcerptLines must be 0-500")
        .Require(options.MaestroUrl.Length == 0 || Uri.TryCreate(options.MaestroUrl, UriKind.Absolute, out _),
            "Notifications:MaestroUrl must be an absolute URL")
        .Require(options.MaestroOrigin.Length > 0, "Notifications:MaestroOrigin must not be empty")
        .Require(options.CheckoutSummaryDelaySeconds is >= 0 and <= 86400, "Notifications:CheckoutSummaryDelaySeconds must be 0-86400")
        .Require(options.BuildIssueCheckMinutes is > 0 and <= 1440, "Notifications:BuildIssueCheckMinutes must be 1-1440")
        .Require(Enum.IsDefined(options.WeeklyReportDay), "Notifications:WeeklyReportDay must be a day of the week (Monday, …)")
        .Require(options.WeeklyReportHour is >= 0 and <= 23, "Notifications:WeeklyReportHour must be 0-23")
        .Require(options.MetricsRecipients.All(a => MailboxAddress.TryParse(a, out var m) && m.Address == a && a.Contains('@', StringComparison.Ordinal)),
            "Notifications:MetricsRecipients must be bare addresses (user@domain)")
        .Require(options.ClaimSeconds is > 0 and <= 86400, "Notifications:ClaimSeconds must be 1-86400")
        .Require(options.MaxUnconfirmedAddresses > 0, "Notifications:MaxUnconfirmedAddresses must be positive")
        .Require(options.MaxConfirmationsPerHour > 0, "Notifications:MaxConfirmationsPerHour must be positive")
        .Require(options.SubscriptionFiles.Length == 0 || Directory.Exists(options.SubscriptionFiles),
            "Notifications:SubscriptionFiles must be an existing folder")
        .Result;
}
