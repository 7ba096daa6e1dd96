namespace KernelCI.Notifications;

/// <summary>The "Notifications" section (docs/configuration.md, "Notifications"). Without <see cref="SmtpOptions.Host"/>
/// nothing is sent: every mail is written as an `.eml` file into <see cref="DryRunDirectory"/> (DATA/mail by default).</summary>
public sealed class NotificationsOptions
{
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The sender, "Name &lt;address&gt;"; its domain is the right part of every Message-ID.</summary>
    public string From { get; set; } = "KernelCI bot <bot@kernelci.localhost>";

    /// <summary>The public address of the dashboard, for links in mails; empty: this deployment's dashboard listener.</summary>
    public string DashboardUrl { get; set; } = "";

    /// <summary>Where mails go when no SMTP host is set; empty: DATA/mail.</summary>
    public string DryRunDirectory { get; set; } = "";

    /// <summary>KCIDB's address for the regression feed; empty: this deployment's KCIDB listener.</summary>
    public string KcidbUrl { get; set; } = "";

    /// <summary>False: the feed is not read (no reports); the subscription API and the sender still run.</summary>
    public bool Reports { get; set; } = true;

    /// <summary>How long one blocking read of the feed waits for a change (0-60 s).</summary>
    public int FeedWaitSeconds { get; set; } = 30;

    /// <summary>Reports to one address in <see cref="LimitWindowMinutes"/> beyond which they become one summary mail.</summary>
    public int PerRecipientLimit { get; set; } = 20;

    /// <summary>Reports about one tree (every address) in the window beyond which they become summaries.</summary>
    public int PerTreeLimit { get; set; } = 200;

    public int LimitWindowMinutes { get; set; } = 60;

    /// <summary>How long a summary waits for more reports before it is sent.</summary>
    public int SummaryDelaySeconds { get; set; } = 600;

    /// <summary>Delivery attempts of a mail whose failures are temporary before it is recorded as failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry's wait; each next one doubles, up to an hour.</summary>
    public int RetrySeconds { get; set; } = 30;

    /// <summary>The UTC hour at which `daily` subscriptions' mails are sent.</summary>
    public int DigestHour { get; set; } = 6;

    /// <summary>Lines of a failure's log excerpt in a report.</summary>
    public int LogExcerptLines { get; set; } = 30;

    /// <summary>Maestro's address, whose checkout nodes reaching `done` start the checkout summaries; empty: this
    /// deployment's Maestro listener.</summary>
    public string MaestroUrl { get; set; } = "";

    /// <summary>The KCIDB origin the pipeline submits Maestro's nodes as (its `Pipeline:Origin`): a checkout node N is
    /// KCIDB checkout ORIGIN:N.</summary>
    public string MaestroOrigin { get; set; } = "maestro";

    /// <summary>How long after its checkout node is done a summary is written: the results of its last jobs must first
    /// go through send-kcidb (a sweep a minute), KCIDB's ingestion and its regression tracker.</summary>
    public int CheckoutSummaryDelaySeconds { get; set; } = 600;

    /// <summary>How often KCIDB's issues are read for new build issues (the dashboard's issue listing).</summary>
    public int BuildIssueCheckMinutes { get; set; } = 15;

    /// <summary>The day (UTC) of the weekly hardware and metrics reports; upstream sends them on Monday and Saturday.</summary>
    public DayOfWeek WeeklyReportDay { get; set; } = DayOfWeek.Monday;

    /// <summary>The UTC hour of the weekly reports.</summary>
    public int WeeklyReportHour { get; set; } = 3;

    /// <summary>Who gets the weekly metrics (an admin's list, as upstream's is fixed; no confirmation is asked).</summary>
    public string[] MetricsRecipients { get; set; } = [];
    /// <summary>How long a sender's round holds the mails it claimed; another sender takes over what a dead one held
    /// once this has passed (docs/notifications.md, "Several senders").</summary>
    public int ClaimSeconds { get; set; } = 600;

    /// <summary>Addresses awaiting confirmation (added in the last 7 days) beyond which a subscription of a new address
    /// is refused with 429: posting needs no login.</summary>
    public int MaxUnconfirmedAddresses { get; set; } = 1000;

    /// <summary>Confirmation mails in the last hour beyond which a subscription that would send one is refused with 429.</summary>
    public int MaxConfirmationsPerHour { get; set; } = 100;

    /// <summary>A folder of upstream's YAML subscription files, loaded unchanged as read-only subscriptions; empty: none.</summary>
    public string SubscriptionFiles { get; set; } = "";
}
