using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace KernelCI.Notifications.Sending;

/// <summary>MailKit's SMTP client: one connection per sender round, authenticated when the data folder has the SMTP
/// secrets (docs/notifications.md, "Configuration").</summary>
internal sealed class SmtpTransport(SmtpOptions smtp, SmtpCredentials credentials) : IMailTransport
{
    public string Describe => $"{smtp.Host}:{smtp.EffectivePort} ({smtp.Security})";

    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            var security = smtp.Security switch
            {
                "none" => SecureSocketOptions.None,
                "tls" => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(smtp.Host, smtp.EffectivePort, security, cancellationToken);
            if (credentials.Find() is { } login)
            {
                await client.AuthenticateAsync(login.User, login.Password, cancellationToken);
            }

            return new Session(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Session(SmtpClient client) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, MailboxAddress sender, MailboxAddress recipient, CancellationToken cancellationToken)
        {
            // The envelope names the one recipient of this outbox row, whatever the headers say.
            await client.SendAsync(message, sender, [recipient], cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
            {
                // The mails of the round are marked already; a failed QUIT changes nothing about them.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
