namespace KernelCI.Notifications.Weekly;

internal interface IWeeklyFigures
{
    /// <summary>The platform's results in [from, until), or null when it has none.</summary>
    Task<PlatformWeek?> HardwareAsync(string platform, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>The seven days before today (UTC midnights), and the seven before them.</summary>
    Task<MetricsWeek> MetricsAsync(CancellationToken cancellationToken);
}
