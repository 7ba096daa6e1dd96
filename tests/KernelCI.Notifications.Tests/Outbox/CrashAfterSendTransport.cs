using KernelCI.Notifications.Sending;
using MimeKit;

namespace KernelCI.Notifications.Tests.Outbox;

/// <summary>Delivers, then fails the first mail as if the process died before marking it sent: the outbox row stays
/// pending although the server has the mail.</summary>
internal sealed class CrashAfterSendTransport(IMailTransport inner) : IMailTransport
{
    private int _crashes = 1;

    public string Describe => inner.Describe;

    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken) => new Session(await inner.OpenAsync(cancellationToken), this);

    private sealed class Session(IMailSession inner, CrashAfterSendTransport owner) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, MailboxAddress sender, MailboxAddress recipient, CancellationToken cancellationToken)
        {
            await inner.SendAsync(message, sender, recipient, cancellationToken);
            if (Interlocked.Decrement(ref owner._crashes) >= 0)
            {
                throw new IOException("the process stopped before the mail was marked sent");
            }
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
