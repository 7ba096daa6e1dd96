namespace KernelCI.Storage.Backends;

/// <summary>HTTP dates have one-second precision (RFC 7231 §7.1.1.1): a version's time as sent and compared.</summary>
internal static class HttpDate
{
    public static DateTimeOffset Seconds(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
