using System.Globalization;
using System.Text;
using KernelCI.Data;
using KernelCI.Notifications.Outbox;
using KernelCI.Notifications.Reports;
using KernelCI.Notifications.Subscriptions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Notifications.Digests;

/// <summary>At <see cref="NotificationsOptions.DigestHour"/> (UTC, on the TimeProvider's clock) merges each daily
/// address's waiting reports into one mail: the digest is written and its items marked in one transaction, and its
/// Message-ID is fixed by the address and the day, so an address gets at most one digest a day.</summary>
internal sealed class DigestWriter(OutboxStore outbox, MailComposer composer, SignedTokens tokens, OutboxSignal signal, NotificationsOptions options,
    TimeProvider time, ILogger<DigestWriter> logger) : BackgroundService
{
    private const string Rule = "======================================================================\n";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            // A timer to the next digest hour, not a poll: nothing else makes a digest due. A failed round (the
            // database away) is tried again a minute later, not a day.
            var wait = DigestItems.NextDigest(now, options.DigestHour) - now;
            try
            {
                await WriteDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                NotificationsLog.DigestFailed(logger, e.Message);
                wait = TimeSpan.FromMinutes(1);
            }

            await Task.Delay(wait, time, stoppingToken);
        }
    }

    /// <summary>Writes the digests of every address with items due; returns how many.</summary>
    internal async Task<int> WriteDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var written = await outbox.InTransactionAsync(async (writer, _, _) =>
        {
            var items = new List<(long Id, string Recipient, string Kind, string Tree, string Subject, string Body, string? Unsubscribe, string Manage)>();
            await using (var read = writer.Command("""
                SELECT id, recipient, kind, tree, subject, body, unsubscribe_url, manage_url FROM notification_digest_items
                WHERE digest_id IS NULL AND due_at <= @now ORDER BY recipient, id
                """))
            {
                read.AddParameter("now", Millis.Of(now));
                await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    items.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                        reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7)));
                }
            }

            var count = 0;
            var day = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var group in items.GroupBy(i => i.Recipient, StringComparer.Ordinal))
            {
                var list = group.ToList();
                var messageId = composer.ReportId(MailKinds.Digest, day.Replace("-", "", StringComparison.Ordinal), group.Key);
                var subject = $"[KernelCI] Daily digest of {day}: {list.Count} report{(list.Count == 1 ? "" : "s")}";
                // One-click unsubscribing stops one subscription; it is offered only when every item comes from the same one.
                var unsubscribe = list.Select(i => Subscription(i.Unsubscribe)).Distinct().Count() == 1 ? list[0].Unsubscribe : null;
                var body = Body(group.Key, list.Select(i => (i.Subject, i.Body, i.Unsubscribe)).ToList(), list[0].Manage);
                var message = composer.Compose(group.Key, subject, body, messageId, null, unsubscribe, MailKinds.Digest);
                var inserted = await writer.InsertAsync(new OutboxMail(MailKinds.Digest, group.Key, list[0].Tree, null, subject, messageId, message, now),
                    cancellationToken);
                // A digest of this address and day exists already (the digest hour was changed): these wait for tomorrow's.
                await using var mark = writer.Command(inserted
                    ? "UPDATE notification_digest_items SET digest_id = @digest WHERE recipient = @recipient AND digest_id IS NULL AND due_at <= @now"
                    : "UPDATE notification_digest_items SET due_at = @next WHERE recipient = @recipient AND digest_id IS NULL AND due_at <= @now");
                mark.AddParameter("digest", messageId);
                mark.AddParameter("next", Millis.Of(DigestItems.NextDigest(now, options.DigestHour)));
                mark.AddParameter("recipient", group.Key);
                mark.AddParameter("now", Millis.Of(now));
                await mark.ExecuteNonQueryAsync(cancellationToken);
                count += inserted ? 1 : 0;
            }

            return count;
        }, cancellationToken);
        if (written > 0)
        {
            NotificationsLog.DigestsWritten(logger, written);
            signal.Notify();
        }

        return written;
    }

    // The subscription an unsubscribe link stops (links of one subscription made at different times differ).
    private string? Subscription(string? unsubscribeUrl)
    {
        var at = unsubscribeUrl?.IndexOf("token=", StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : tokens.Validate(unsubscribeUrl![(at + 6)..], SignedTokens.Unsubscribe).Subject;
    }

    private static string Body(string recipient, List<(string Subject, string Body, string? Unsubscribe)> items, string manageUrl)
    {
        var text = new StringBuilder();
        text.Append("Hello,\n\n");
        text.Append($"KernelCI's reports for {recipient} of the last day, in one mail as your\nsubscriptions ask (delivery: daily):\n\n");
        for (var i = 0; i < items.Count; i++)
        {
            text.Append($"  {i + 1}. {items[i].Subject}\n");
        }

        for (var i = 0; i < items.Count; i++)
        {
            text.Append('\n').Append(Rule).Append($"{i + 1}. {items[i].Subject}\n").Append(Rule).Append('\n');
            text.Append(items[i].Body);
            if (items[i].Unsubscribe is { } url)
            {
                text.Append($"\nStop the subscription that sent this: {url}\n");
            }
        }

        return text.Append($"\n-- \nYou get this mail because {recipient} asked for a daily digest.\nYour subscriptions: {manageUrl}\n").ToString();
    }
}
