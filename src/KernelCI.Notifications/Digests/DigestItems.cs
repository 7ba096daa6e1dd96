using KernelCI.Data;
using KernelCI.Notifications.Outbox;
using KernelCI.Notifications.Subscriptions;

namespace KernelCI.Notifications.Digests;

/// <summary>Writes a daily address's reports as digest items, in the transaction of the change that causes them, like
/// any mail (docs/notifications.md, "Daily digest").</summary>
internal static class DigestItems
{
    /// <summary>An address whose every matching subscription is daily gets its reports in the digest.</summary>
    public static bool IsDaily(IEnumerable<Subscription> matching) => matching.All(s => s.Delivery == "daily");

    /// <summary>The first digest hour (UTC) after <paramref name="now"/>; a report written at the hour waits a day.</summary>
    public static DateTimeOffset NextDigest(DateTimeOffset now, int hour)
    {
        var today = new DateTimeOffset(now.Year, now.Month, now.Day, hour, 0, 0, TimeSpan.Zero);
        return today > now ? today : today.AddDays(1);
    }

    /// <summary>The report's text without the footer (the digest has one footer for all).</summary>
    public static string WithoutFooter(string body)
    {
        var footer = body.LastIndexOf("\n-- \n", StringComparison.Ordinal);
        return footer < 0 ? body : body[..footer];
    }

    /// <summary>False when the same report (its Message-ID) is there already.</summary>
    public static async Task<bool> AddAsync(OutboxWriter writer, DigestItem item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = writer.Command("""
            INSERT INTO notification_digest_items (recipient, message_id, kind, tree, subject, body, unsubscribe_url, manage_url, due_at, created_at)
            VALUES (@recipient, @message_id, @kind, @tree, @subject, @body, @unsubscribe_url, @manage_url, @due_at, @now)
            ON CONFLICT (message_id) DO NOTHING
            """);
        command.AddParameter("recipient", item.Recipient);
        command.AddParameter("message_id", item.MessageId);
        command.AddParameter("kind", item.Kind);
        command.AddParameter("tree", item.Tree);
        command.AddParameter("subject", item.Subject);
        command.AddParameter("body", item.Body);
        command.AddParameter("unsubscribe_url", item.UnsubscribeUrl).DbType = System.Data.DbType.String;
        command.AddParameter("manage_url", item.ManageUrl);
        command.AddParameter("due_at", Millis.Of(item.DueAt));
        command.AddParameter("now", Millis.Of(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
