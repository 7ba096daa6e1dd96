using System.Diagnostics;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace KernelCI.Bench.Notify;

/// <summary>The baseline: the same messages, as the outbox keeps them, sent by a plain MailKit client (one
/// connection per 100, as the sender's rounds) to the same SMTP server, with nothing around it (no database, no claims, no marks).</summary>
internal static class MailKitBaseline
{
    public static async Task<TimeSpan> SendAsync(int port, IReadOnlyList<(string Recipient, string Message)> messages, CancellationToken cancellationToken)
    {
        var sender = MailboxAddress.Parse("KernelCI bot <bot@kernelci.localhost>");
        // Parsing each message from the outbox's text is timed too, since the sender does it before each send; one
        // connection per 100 messages, as the sender's rounds (the SMTP server also ends a session that lasts minutes).
        var stopwatch = Stopwatch.StartNew();
        foreach (var round in messages.Chunk(100))
        {
            using var client = new SmtpClient();
            await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None, cancellationToken);
            foreach (var (recipient, text) in round)
            {
                var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), cancellationToken);
                await client.SendAsync(message, sender, [MailboxAddress.Parse(recipient)], cancellationToken);
            }

            await client.DisconnectAsync(quit: true, cancellationToken);
        }

        return stopwatch.Elapsed;
    }
}
