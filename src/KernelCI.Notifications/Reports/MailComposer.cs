using System.Security.Cryptography;
using System.Text;
using MimeKit;
using MimeKit.Text;

namespace KernelCI.Notifications.Reports;

/// <summary>Makes the RFC 5322 text the outbox keeps: plain text only (kernel lists refuse HTML), threading headers,
/// List-Unsubscribe with RFC 8058 one-click, and a Message-ID fixed here, once.</summary>
internal sealed class MailComposer(NotificationsOptions options, TimeProvider time)
{
    private readonly MailboxAddress _from = MailboxAddress.Parse(options.From);

    public MailboxAddress From => _from;

    public string Domain => _from.Domain;

    /// <summary>A Message-ID that the same report to the same address always gets, so writing it twice (a feed change
    /// applied again) finds the first and adds nothing. The address is hashed: Message-IDs travel in References.</summary>
    public string ReportId(string kind, string key, string recipient) =>
        $"kernelci.{kind}.{key}.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipient)))[..16]}@{Domain}";

    /// <summary>A Message-ID for a mail that is never written twice by the same change (a summary, a confirmation).</summary>
    public string UniqueId(string kind) => $"kernelci.{kind}.{Guid.CreateVersion7(time.GetUtcNow()):N}@{Domain}";

    public string Compose(string recipient, string subject, string body, string messageId, string? inReplyTo = null,
        string? unsubscribeUrl = null, string? kind = null)
    {
        var message = new MimeMessage();
        message.From.Add(_from);
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = subject;
        message.Date = time.GetUtcNow();
        message.MessageId = messageId;
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo;
            message.References.Add(inReplyTo);
        }

        // Auto-Submitted keeps vacation responders from answering a bot (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (kind is not null)
        {
            message.Headers.Add("X-KernelCI-Report", kind);
        }

        if (unsubscribeUrl is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Body = new TextPart(TextFormat.Plain) { Text = body };
        message.Prepare(EncodingConstraint.SevenBit);
        using var stream = new MemoryStream();
        message.WriteTo(FormatOptions.Default, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
