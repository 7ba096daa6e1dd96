using KernelCI.Notifications.Outbox;
using KernelCI.Notifications.Reports;
using KernelCI.Notifications.Subscriptions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Notifications.Feed;

/// <summary>Reads KCIDB's regression change feed with a blocking read, as the pipeline's `regressions` service does,
/// and writes each page's mails and the feed's number in one transaction (docs/notifications.md, "Delivery
/// guarantees"): a crash before the commit reads the page again and writes it whole; after it, nothing is read twice.</summary>
internal sealed class RegressionFeedReader(IRegressionFeed feed, OutboxStore outbox, SubscriptionStore subscriptions, IFailureDetails details,
    RegressionReports reports, OutboxSignal signal, NotificationsOptions options, TimeProvider time, ILogger<RegressionFeedReader> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReadPageAsync(stoppingToken);
                failures = 0;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // KCIDB restarting or unreachable: wait longer each time, on the TimeProvider's clock.
                var wait = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures++)));
                NotificationsLog.FeedFailed(logger, wait, e.Message);
                await Task.Delay(wait, time, stoppingToken);
            }
        }
    }

    /// <summary>One page: read, match, write. Returns the number of mails written.</summary>
    internal async Task<int> ReadPageAsync(CancellationToken cancellationToken)
    {
        var after = await outbox.CursorAsync(cancellationToken);
        var page = await feed.ReadAsync(after, TimeSpan.FromSeconds(options.FeedWaitSeconds), cancellationToken);
        if (page.Next == after && page.Changes.Count == 0)
        {
            return 0;
        }

        var active = await subscriptions.ActiveAsync(cancellationToken);
        // KCIDB is read before the transaction opens: no network wait holds the database's writer.
        var planned = new List<(long Seq, Client.Kcidb.Regressions.KcidbRegression Regression, List<IGrouping<string, Subscription>> Recipients, FailureDetails Details)>();
        foreach (var change in page.Changes)
        {
            if (change.Regression is not { } regression)
            {
                continue;
            }

            var recipients = RegressionReports.Recipients(regression, active);
            if (recipients.Count > 0)
            {
                var found = regression.State == "open" ? await details.ReadAsync(regression, cancellationToken) : FailureDetails.None;
                planned.Add((change.Seq, regression, recipients, found));
            }
        }

        var written = await outbox.InTransactionAsync(async (writer, _, _) =>
        {
            var total = 0;
            foreach (var change in page.Changes)
            {
                await RegressionMirror.ApplyAsync(writer, change, time.GetUtcNow(), cancellationToken);
            }

            foreach (var (seq, regression, recipients, found) in planned)
            {
                var count = await reports.WriteAsync(writer, regression, recipients, found, cancellationToken);
                if (count > 0)
                {
                    NotificationsLog.Queued(logger, seq, regression.Id, count);
                }

                total += count;
            }

            await writer.SaveCursorAsync(OutboxStore.FeedCursor, page.Next, cancellationToken);
            return total;
        }, cancellationToken);
        if (written > 0)
        {
            signal.Notify();
        }

        return written;
    }
}
