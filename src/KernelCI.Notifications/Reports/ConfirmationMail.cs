using KernelCI.Notifications.Outbox;
using KernelCI.Notifications.Subscriptions;

namespace KernelCI.Notifications.Reports;

/// <summary>The first mail to an address: a link that confirms it; nothing else is sent to it before.</summary>
internal sealed class ConfirmationMail(MailComposer composer, Links links, SignedTokens tokens, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public OutboxMail Create(Subscription subscription)
    {
        var subject = "[KernelCI] Confirm your subscription";
        var body = $"""
            Hello,

            Someone, probably you, asked KernelCI to mail {subscription.Address} about
            regressions in: {subscription.Describe()}.

            Nothing is sent to this address until it is confirmed. To confirm, open:

              {links.Confirm(tokens.Create(SignedTokens.Confirm, subscription.Address, Lifetime))}

            The link is valid for 7 days. If you did not ask for this, ignore this mail:
            nothing else will be sent to you.

            -- 
            KernelCI

            """;
        var messageId = composer.UniqueId(MailKinds.Confirmation);
        var message = composer.Compose(subscription.Address, subject, body, messageId, kind: MailKinds.Confirmation);
        return new OutboxMail(MailKinds.Confirmation, subscription.Address, subscription.Tree ?? "", null, subject, messageId, message, time.GetUtcNow());
    }
}
