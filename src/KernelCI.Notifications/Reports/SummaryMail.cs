using System.Text;
using System.Text.Json;
using KernelCI.Client.Kcidb.Regressions;
using KernelCI.Notifications.Outbox;

namespace KernelCI.Notifications.Reports;

/// <summary>The one mail that replaces an address's reports beyond the limits: written when the first one is held
/// back, sent <see cref="NotificationsOptions.SummaryDelaySeconds"/> later, rewritten with each one held back until
/// then (its Message-ID stays).</summary>
internal sealed class SummaryMail(MailComposer composer, NotificationsOptions options, TimeProvider time)
{
    public async Task AddAsync(OutboxWriter writer, string recipient, KcidbRegression r, string link, string footer, string unsubscribeUrl,
        CancellationToken cancellationToken)
    {
        var line = $"{r.TreeName}/{r.Branch} {(r.Kind == "build" ? "build" : r.Path)}{(r.Platform.Length > 0 ? " on " + r.Platform : "")} ({r.ConfigName}), first bad {RegressionMails.Short(r.FirstBadCommit)}\n    {link}";
        var pending = await writer.PendingSummaryAsync(recipient, cancellationToken);
        var items = pending is { } p ? JsonSerializer.Deserialize<List<string>>(p.Items) ?? [] : [];
        items.Add(line);
        var subject = $"[KernelCI] {items.Count} more regression{(items.Count == 1 ? "" : "s")}";
        var messageId = pending?.MessageId ?? composer.UniqueId(MailKinds.Summary);
        var message = composer.Compose(recipient, subject, Body(items, footer), messageId, null, unsubscribeUrl, MailKinds.Summary);
        var json = JsonSerializer.Serialize(items);
        if (pending is { } existing)
        {
            await writer.UpdateSummaryAsync(existing.Id, subject, message, json, cancellationToken);
            return;
        }

        await writer.InsertAsync(new OutboxMail(MailKinds.Summary, recipient, r.TreeName, null, subject, messageId, message,
            time.GetUtcNow().AddSeconds(options.SummaryDelaySeconds), json), cancellationToken);
    }

    private string Body(List<string> items, string footer)
    {
        var text = new StringBuilder();
        text.Append("Hello,\n\n");
        text.Append("KernelCI found more regressions than it mails one by one (at most\n");
        text.Append($"{options.PerRecipientLimit} to an address and {options.PerTreeLimit} about a tree in {options.LimitWindowMinutes} minutes); so many at once often\n");
        text.Append("have one cause, such as a lab or a board down. These had no mail of their own:\n\n");
        foreach (var item in items)
        {
            text.Append("  - ").Append(item).Append('\n');
        }

        return text.Append(footer).ToString();
    }
}
