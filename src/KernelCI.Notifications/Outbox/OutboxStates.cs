namespace KernelCI.Notifications.Outbox;

/// <summary>A mail is pending until the SMTP server accepts it (sent) or refuses it for good, or temporary failures
/// exhaust Notifications:MaxAttempts (failed).</summary>
internal static class OutboxStates
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";

    public static bool IsKnown(string state) => state is Pending or Sent or Failed;
}
