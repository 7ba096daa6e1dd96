using KernelCI.Notifications.Digests;
using KernelCI.Notifications.Outbox;
using KernelCI.Notifications.Subscriptions;

namespace KernelCI.Notifications.Reports;

/// <summary>Where a report to one address goes, in the caller's transaction: the outbox, or the address's daily digest
/// when every subscription it matched is daily. Shared by the report kinds that are not regressions.</summary>
internal sealed class ReportOutlet(MailComposer composer, SignedTokens tokens, Links links, NotificationsOptions options, TimeProvider time)
{
    private static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(365);

    public string UnsubscribeUrl(Subscription subscription) => links.Unsubscribe(tokens.Create(SignedTokens.Unsubscribe, subscription.Id, LinkLifetime));

    public string ManageUrl(string address) => links.Manage(tokens.Create(SignedTokens.Manage, address, LinkLifetime));

    /// <summary>The end of the mail: why the address gets it (the first matching subscription) and the links that stop it.</summary>
    public string Footer(string address, Subscription subscription) =>
        RegressionMails.Footer(address, subscription.Describe(), UnsubscribeUrl(subscription), ManageUrl(address));

    /// <summary>False when the report (its Message-ID) was written before.</summary>
    public async Task<bool> WriteAsync(OutboxWriter writer, string kind, string recipient, IReadOnlyList<Subscription> matching, string tree, string subject,
        string messageId, string body, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (DigestItems.IsDaily(matching))
        {
            var item = new DigestItem(recipient, messageId, kind, tree, subject, DigestItems.WithoutFooter(body), UnsubscribeUrl(matching[0]),
                ManageUrl(recipient), DigestItems.NextDigest(now, options.DigestHour));
            return await DigestItems.AddAsync(writer, item, now, cancellationToken);
        }

        var message = composer.Compose(recipient, subject, body, messageId, null, UnsubscribeUrl(matching[0]), kind);
        return await writer.InsertAsync(new OutboxMail(kind, recipient, tree, null, subject, messageId, message, now), cancellationToken);
    }
}
