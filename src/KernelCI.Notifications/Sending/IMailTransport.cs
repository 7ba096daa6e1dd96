using MimeKit;

namespace KernelCI.Notifications.Sending;

/// <summary>Where mails go: an SMTP relay, or a folder in the dry-run mode. A session carries one round of the sender.</summary>
internal interface IMailTransport
{
    /// <summary>A human description for the start-up log line.</summary>
    string Describe { get; }

    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}

internal interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, MailboxAddress sender, MailboxAddress recipient, CancellationToken cancellationToken);
}
