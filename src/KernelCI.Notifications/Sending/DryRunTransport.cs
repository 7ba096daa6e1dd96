using MimeKit;

namespace KernelCI.Notifications.Sending;

/// <summary>The dry-run mode: each mail is written as `DIR/&lt;Message-ID&gt;.eml` (a resend replaces the same file),
/// readable by any mail client.</summary>
internal sealed class DryRunTransport(string directory) : IMailTransport
{
    public string Describe => directory;

    /// <summary>The file of a Message-ID: its letters, digits, '.', '-' and '_', anything else as '_'.</summary>
    public static string FileName(string messageId) =>
        string.Concat(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')) + ".eml";

    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        return Task.FromResult<IMailSession>(new Session(directory));
    }

    private sealed class Session(string directory) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, MailboxAddress sender, MailboxAddress recipient, CancellationToken cancellationToken)
        {
            var path = Path.Combine(directory, FileName(message.MessageId ?? "message"));
            var temporary = path + ".tmp";
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
