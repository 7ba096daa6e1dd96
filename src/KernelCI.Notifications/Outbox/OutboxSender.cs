using KernelCI.Notifications.Sending;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace KernelCI.Notifications.Outbox;

/// <summary>Delivers the outbox (docs/notifications.md, "Delivery guarantees"): due mails in order, each marked after
/// the server accepted it. A crash between the two sends the same text, with the same Message-ID, again; receivers
/// (mail clients, lore, regzbot) drop the second copy by its Message-ID. Temporary failures wait twice as long each
/// time (<see cref="NotificationsOptions.RetrySeconds"/> up to an hour) on the TimeProvider's clock; permanent ones
/// are recorded. Woken by <see cref="OutboxSignal"/> when mails are written, else by a timer set to the next due one.
/// Each round claims its mails for <see cref="NotificationsOptions.ClaimSeconds"/>, so several senders on one database
/// never send one mail in the same round, and a dead sender's mails are taken over when its claim runs out.</summary>
internal sealed class OutboxSender(OutboxStore store, IMailTransport transport, OutboxSignal signal, NotificationsOptions options,
    TimeProvider time, ILogger<OutboxSender> logger, TestKillHook? kill = null) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromHours(1);
    private readonly MailboxAddress _sender = MailboxAddress.Parse(options.From);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (transport is DryRunTransport)
        {
            NotificationsLog.DryRun(logger, transport.Describe);
        }
        else
        {
            NotificationsLog.SendingThroughSmtp(logger, transport.Describe);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await store.ClaimAsync(100, TimeSpan.FromSeconds(options.ClaimSeconds), stoppingToken);
                if (due.Count > 0)
                {
                    await DeliverAsync(due, stoppingToken);
                    continue;
                }

                var next = await store.NextDueAsync(stoppingToken);
                var wait = next is null ? Idle : next.Value - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await signal.WaitAsync(wait < Idle ? wait : Idle, time, stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                NotificationsLog.SenderFailed(logger, e.Message);
                await signal.WaitAsync(TimeSpan.FromSeconds(options.RetrySeconds), time, stoppingToken);
            }
        }
    }

    /// <summary>One round: one connection for up to 100 due mails.</summary>
    internal async Task DeliverAsync(IReadOnlyList<DueMail> due, CancellationToken cancellationToken)
    {
        IMailSession session;
        try
        {
            session = await transport.OpenAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            foreach (var mail in due)
            {
                await RecordFailureAsync(mail, e, cancellationToken);
            }

            return;
        }

        await using (session)
        {
            for (var i = 0; i < due.Count; i++)
            {
                var mail = due[i];
                if (time.GetUtcNow() >= mail.ClaimedUntil)
                {
                    // A slow round outlived its claim: another sender may hold these now. They are claimable at once
                    // (by this sender too), so leaving them costs nothing, and sending them could send them twice.
                    NotificationsLog.ClaimExpired(logger, due.Count - i);
                    return;
                }

                try
                {
                    var message = await MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Message)), cancellationToken);
                    await session.SendAsync(message, _sender, MailboxAddress.Parse(mail.Recipient), cancellationToken);
                    kill?.At(TestKillHook.AfterSend);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    await RecordFailureAsync(mail, e, cancellationToken);
                    // A broken connection fails the rest of the round the same way; they are tried again together.
                    if (e is not MailKit.Net.Smtp.SmtpCommandException && DeliveryFailure.IsTemporary(e))
                    {
                        foreach (var rest in due.Skip(i + 1))
                        {
                            await RecordFailureAsync(rest, e, cancellationToken);
                        }

                        return;
                    }

                    continue;
                }

                await store.MarkSentAsync(mail.Id, cancellationToken);
                NotificationsLog.Sent(logger, mail.Id, mail.Kind, mail.Recipient, mail.MessageId);
            }
        }
    }

    private async Task RecordFailureAsync(DueMail mail, Exception e, CancellationToken cancellationToken)
    {
        var reason = DeliveryFailure.Describe(e);
        var attempt = mail.Attempts + 1;
        if (DeliveryFailure.IsTemporary(e) && attempt < options.MaxAttempts)
        {
            var wait = TimeSpan.FromSeconds(Math.Min(3600, options.RetrySeconds * Math.Pow(2, attempt - 1)));
            var due = time.GetUtcNow() + wait;
            await store.DeferAsync(mail.Id, due, reason, cancellationToken);
            NotificationsLog.Deferred(logger, mail.Id, mail.Recipient, attempt, due, reason);
            return;
        }

        await store.MarkFailedAsync(mail.Id, reason, cancellationToken);
        NotificationsLog.Failed(logger, mail.Id, mail.Recipient, reason);
    }
}
