namespace KernelCI.Dashboard.Metrics;

/// <summary>[Start, End) between two UTC midnights, as upstream's interval_params (queries/notifications.py).</summary>
internal sealed record MetricsWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public static MetricsWindow DaysAgo(DateTimeOffset now, int startDaysAgo, int endDaysAgo)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return new MetricsWindow(today.AddDays(-startDaysAgo), today.AddDays(-endDaysAgo));
    }
}
