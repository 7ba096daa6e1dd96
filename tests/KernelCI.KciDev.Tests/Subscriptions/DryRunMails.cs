using MimeKit;

namespace KernelCI.KciDev.Tests.Subscriptions;

/// <summary>The mails the notifications component writes as `.eml` files without an SMTP host
/// (src/KernelCI.Notifications/Sending/DryRunTransport.cs): waits for the first one to an address. The outbox sender
/// writes it soon after the subscription's transaction; a file watcher wakes the wait instead of polling.</summary>
internal static class DryRunMails
{
    public static async Task<MimeMessage> WaitForAsync(string directory, string recipient, TimeSpan timeout)
    {
        Directory.CreateDirectory(directory);
        var found = new TaskCompletionSource<MimeMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new FileSystemWatcher(directory, "*.eml");
        // The transport writes NAME.eml.tmp and renames it: a rename (or a create, on some file systems) is a whole file.
        watcher.Renamed += (_, _) => Scan(directory, recipient, found);
        watcher.Created += (_, _) => Scan(directory, recipient, found);
        watcher.EnableRaisingEvents = true;
        Scan(directory, recipient, found);
        return await found.Task.WaitAsync(timeout);
    }

    private static void Scan(string directory, string recipient, TaskCompletionSource<MimeMessage> found)
    {
        foreach (var path in Directory.EnumerateFiles(directory, "*.eml"))
        {
            try
            {
                var message = MimeMessage.Load(path);
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase)))
                {
                    found.TrySetResult(message);
                    return;
                }
            }
            catch (IOException)
            {
                // Being replaced by a resend: the rename that follows scans again.
            }
        }
    }
}
