using KernelCI.Data;
using KernelCI.Notifications.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Notifications.Checkouts;

/// <summary>Follows Maestro's checkouts reaching `done` and records each, with the event's number
/// (`notification_cursors` `maestro-checkouts`), in one transaction: a crash before the commit reads the event again,
/// after it never. The summary itself is written later, by <see cref="CheckoutSummaries"/>, once KCIDB has the
/// checkout's last results (docs/notifications.md, "Checkout summary").</summary>
internal sealed class CheckoutFeedReader(ICheckoutFeed feed, OutboxStore outbox, CheckoutSummaries summaries, NotificationsOptions options,
    TimeProvider time, ILogger<CheckoutFeedReader> logger) : BackgroundService
{
    public const string Cursor = "maestro-checkouts";

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The stream ends only when Maestro closes it (a restart); it is opened again after the saved number.
                failures = await ReadAsync(stoppingToken) > 0 ? 0 : failures + 1;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                NotificationsLog.CheckoutFeedFailed(logger, Backoff(failures), e.Message);
            }

            if (failures > 0)
            {
                await Task.Delay(Backoff(failures), time, stoppingToken);
            }
        }
    }

    private static TimeSpan Backoff(int failures) => TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures - 1)));

    /// <summary>Reads the feed until it ends; returns the number of checkouts recorded.</summary>
    internal async Task<int> ReadAsync(CancellationToken cancellationToken)
    {
        var after = await outbox.InTransactionAsync(async (writer, _, _) =>
        {
            await using var command = writer.Command("SELECT position FROM notification_cursors WHERE name = @name");
            command.AddParameter("name", Cursor);
            return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull
                ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
                : (long?)null;
        }, cancellationToken);
        var count = 0;
        await foreach (var checkout in feed.ReadAsync(after, cancellationToken))
        {
            var due = time.GetUtcNow().AddSeconds(options.CheckoutSummaryDelaySeconds);
            var recorded = await outbox.InTransactionAsync(async (writer, _, _) =>
            {
                await using var insert = writer.Command("""
                    INSERT INTO notification_checkouts (checkout_id, origin, tree, branch, commit_hash, repository_url, result, done_at, due_at)
                    VALUES (@id, @origin, @tree, @branch, @commit, @url, @result, @now, @due)
                    ON CONFLICT (checkout_id) DO NOTHING
                    """);
                insert.AddParameter("id", checkout.NodeId);
                insert.AddParameter("origin", options.MaestroOrigin);
                insert.AddParameter("tree", checkout.Tree);
                insert.AddParameter("branch", checkout.Branch);
                insert.AddParameter("commit", checkout.Commit);
                insert.AddParameter("url", checkout.RepositoryUrl).DbType = System.Data.DbType.String;
                insert.AddParameter("result", checkout.TimedOut ? "timeout" : checkout.Result).DbType = System.Data.DbType.String;
                insert.AddParameter("now", Millis.Of(time.GetUtcNow()));
                insert.AddParameter("due", Millis.Of(due));
                // A done checkout updated again is the same checkout: recorded once.
                var inserted = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
                await writer.SaveCursorAsync(Cursor, checkout.Seq, cancellationToken);
                return inserted;
            }, cancellationToken);
            if (recorded)
            {
                NotificationsLog.CheckoutDone(logger, checkout.NodeId, checkout.Tree, checkout.Branch, due);
            }

            summaries.Wake();
            count++;
        }

        return count;
    }
}
