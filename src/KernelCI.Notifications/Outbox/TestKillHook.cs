using System.Diagnostics;

namespace KernelCI.Notifications.Outbox;

/// <summary>A test hook, off unless the environment variable <see cref="Variable"/> is set when the process starts:
/// `after-outbox` kills this process (SIGKILL, no shutdown) right after a transaction that wrote mails commits, before
/// any is sent; `after-send` kills it after the SMTP server accepted a mail, before the mail is marked sent.
/// tests/KernelCI.EndToEnd.Tests/Notifications/SenderKillTests.cs uses it to check that a restart delivers every mail
/// (docs/notifications.md, "Delivery guarantees"). Never set it in a deployment.</summary>
internal sealed class TestKillHook(string? step)
{
    public const string Variable = "KERNELCI_TEST_NOTIFICATIONS_KILL";

    public const string AfterOutbox = "after-outbox";

    public const string AfterSend = "after-send";

    public static TestKillHook FromEnvironment() => new(Environment.GetEnvironmentVariable(Variable));

    public void At(string here)
    {
        if (step == here)
        {
            Console.Error.WriteLine($"notifications: {Variable}={step}: killing this process");
            Console.Error.Flush();
            Process.GetCurrentProcess().Kill();
        }
    }
}
