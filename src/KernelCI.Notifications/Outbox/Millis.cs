namespace KernelCI.Notifications.Outbox;

/// <summary>Times as the component's tables keep them: Unix milliseconds.</summary>
internal static class Millis
{
    public static long Of(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset From(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static DateTimeOffset? From(object value) => value is DBNull or null ? null : From(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
}
