namespace KernelCI.Notifications.Weekly;

internal interface IWeeklyFigures
{
    /// <summary>Each platform tested in [from, until).</summary>
    Task<IReadOnlyList<PlatformWeek>> HardwareAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>The seven days before today (UTC midnights), and the seven before them.</summary>
    Task<MetricsWeek> MetricsAsync(CancellationToken cancellationToken);
}
