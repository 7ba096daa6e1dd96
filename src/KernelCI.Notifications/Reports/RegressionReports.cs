using KernelCI.Client.Kcidb.Regressions;
using KernelCI.Notifications.Digests;
using KernelCI.Notifications.Outbox;
using KernelCI.Notifications.Subscriptions;

namespace KernelCI.Notifications.Reports;

/// <summary>Turns one regression, as the feed gives it now, into the mails it owes each matching confirmed address, in
/// the caller's transaction. Idempotent: every mail's Message-ID is fixed by the regression, the kind and the address,
/// and an address is told of a regression once, so a change read twice writes nothing the second time.</summary>
internal sealed class RegressionReports(MailComposer composer, RegressionMails mails, SummaryMail summaries, SignedTokens tokens, Links links,
    NotificationsOptions options, TimeProvider time)
{
    private static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(365);

    /// <summary>The addresses (with the subscriptions that match) the regression concerns.</summary>
    public static List<IGrouping<string, Subscription>> Recipients(KcidbRegression r, IReadOnlyList<Subscription> active) =>
        [.. active.Where(s => SubscriptionMatch.Matches(s, r)).GroupBy(s => s.Address, StringComparer.Ordinal)];

    public async Task<int> WriteAsync(OutboxWriter writer, KcidbRegression r, List<IGrouping<string, Subscription>> recipients, FailureDetails details,
        CancellationToken cancellationToken)
    {
        var written = 0;
        var now = time.GetUtcNow();
        var subject = mails.Subject(r);
        if (r.State == "open")
        {
            foreach (var group in recipients)
            {
                var messageId = composer.ReportId(MailKinds.Regression, r.Id, group.Key);
                if (await LimitedAsync(writer, group.Key, r.TreeName, now, cancellationToken))
                {
                    if (await writer.MarkToldAsync(r.Id, group.Key, null, cancellationToken))
                    {
                        await summaries.AddAsync(writer, group.Key, r, links.Result(r.Kind, r.FirstBadResult), Footer(group), UnsubscribeUrl(group),
                            cancellationToken);
                        written++;
                    }

                    continue;
                }

                if (!await writer.MarkToldAsync(r.Id, group.Key, messageId, cancellationToken))
                {
                    continue;
                }

                var body = mails.Opened(r, details, Footer(group));
                written += await InsertAsync(writer, MailKinds.Regression, group, r, subject, messageId, body, null, cancellationToken);
            }
        }

        var threads = await writer.ThreadsAsync(r.Id, cancellationToken);
        foreach (var group in recipients.Where(g => threads.ContainsKey(g.Key)))
        {
            var thread = threads[group.Key];
            if (r.Culprit is { } culprit)
            {
                var id = composer.ReportId(MailKinds.Culprit, $"{r.Id}.{RegressionMails.Short(culprit.Commit)}", group.Key);
                written += await InsertAsync(writer, MailKinds.Culprit, group, r, "Re: " + subject, id, mails.Culprit(r, culprit, Footer(group)), thread,
                    cancellationToken);
            }

            if (r.State is "fixed" or "closed" && r.FixedByCommit is { } fix)
            {
                var id = composer.ReportId(MailKinds.Fixed, $"{r.Id}.{RegressionMails.Short(fix)}", group.Key);
                written += await InsertAsync(writer, MailKinds.Fixed, group, r, "Re: " + subject, id, mails.Fixed(r, Footer(group)), thread, cancellationToken);
            }
        }

        return written;
    }

    private async Task<int> InsertAsync(OutboxWriter writer, string kind, IGrouping<string, Subscription> group, KcidbRegression r, string subject,
        string messageId, string body, string? inReplyTo, CancellationToken cancellationToken)
    {
        if (DigestItems.IsDaily(group))
        {
            var item = new DigestItem(group.Key, messageId, kind, r.TreeName, subject, DigestItems.WithoutFooter(body), UnsubscribeUrl(group),
                links.Manage(tokens.Create(SignedTokens.Manage, group.Key, LinkLifetime)), DueAt(group));
            return await DigestItems.AddAsync(writer, item, time.GetUtcNow(), cancellationToken) ? 1 : 0;
        }

        var message = composer.Compose(group.Key, subject, body, messageId, inReplyTo, UnsubscribeUrl(group), kind);
        var mail = new OutboxMail(kind, group.Key, r.TreeName, r.Id, subject, messageId, message, DueAt(group));
        return await writer.InsertAsync(mail, cancellationToken) ? 1 : 0;
    }

    // Beyond either limit in the window, the address's reports go into one summary (a board farm going down must not
    // mail everyone a thousand times).
    private async Task<bool> LimitedAsync(OutboxWriter writer, string recipient, string tree, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - TimeSpan.FromMinutes(options.LimitWindowMinutes);
        return await writer.CountReportsAsync("recipient", recipient, since, cancellationToken) >= options.PerRecipientLimit
            || await writer.CountReportsAsync("tree", tree, since, cancellationToken) >= options.PerTreeLimit;
    }

    // An address whose every matching subscription is daily gets its mail at the digest hour.
    private DateTimeOffset DueAt(IGrouping<string, Subscription> group)
    {
        var now = time.GetUtcNow();
        if (group.Any(s => s.Delivery != "daily"))
        {
            return now;
        }

        var today = new DateTimeOffset(now.Year, now.Month, now.Day, options.DigestHour, 0, 0, TimeSpan.Zero);
        return today > now ? today : today.AddDays(1);
    }

    private string UnsubscribeUrl(IGrouping<string, Subscription> group) =>
        links.Unsubscribe(tokens.Create(SignedTokens.Unsubscribe, group.First().Id, LinkLifetime));

    private string Footer(IGrouping<string, Subscription> group) =>
        RegressionMails.Footer(group.Key, group.First().Describe(), UnsubscribeUrl(group),
            links.Manage(tokens.Create(SignedTokens.Manage, group.Key, LinkLifetime)));
}
