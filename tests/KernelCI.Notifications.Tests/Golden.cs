using System.Text;
using System.Text.RegularExpressions;
using KernelCI.Testing;
using MimeKit;

namespace KernelCI.Notifications.Tests;

/// <summary>Golden text files of received mails (tests/KernelCI.Notifications.Tests/Golden/NAME.txt): the headers a
/// reader and a mail client act on, then the body; signed tokens and random Message-IDs masked. KERNELCI_UPDATE_GOLDEN=1
/// rewrites them.</summary>
internal static partial class Golden
{
    private static readonly string[] Headers =
        ["From", "To", "Subject", "Date", "Message-ID", "In-Reply-To", "References", "Auto-Submitted", "X-KernelCI-Report", "List-Unsubscribe",
         "List-Unsubscribe-Post", "Content-Type"];

    public static void Verify(string name, MimeMessage message)
    {
        var actual = Render(message);
        var path = Path.Combine(RepositoryPaths.Root, "tests", "KernelCI.Notifications.Tests", "Golden", name + ".txt");
        if (Environment.GetEnvironmentVariable("KERNELCI_UPDATE_GOLDEN") == "1" || !File.Exists(path))
        {
            File.WriteAllText(path, actual);
            Assert.Fail($"golden file {path} written; check it and run again");
        }

        Assert.Equal(File.ReadAllText(path), actual);
    }

    public static string Render(MimeMessage message)
    {
        var text = new StringBuilder();
        foreach (var name in Headers)
        {
            if (message.Headers[name] is { } value)
            {
                text.Append(name).Append(": ").Append(value.Trim()).Append('\n');
            }
        }

        text.Append('\n').Append((message.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal));
        return SubscriptionId().Replace(RandomId().Replace(Token().Replace(text.ToString(), "token=TOKEN"), "kernelci.$1.ID@"), "kernelci.checkout.$1.SUBSCRIPTION.");
    }

    [GeneratedRegex(@"token=[A-Za-z0-9_\-.]+")]
    private static partial Regex Token();

    [GeneratedRegex(@"kernelci\.(summary|confirmation)\.[0-9a-f]{32}@")]
    private static partial Regex RandomId();

    // A checkout summary's Message-ID names the subscription, whose id is random.
    [GeneratedRegex(@"kernelci\.checkout\.([0-9a-f]+)\.[0-9a-f]{32}\.")]
    private static partial Regex SubscriptionId();
}
