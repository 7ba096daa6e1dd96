using Microsoft.Extensions.Logging;

namespace KernelCI.Kcidb.Regressions;

internal static partial class RegressionLog
{
    [LoggerMessage(EventId = 3050, Level = LogLevel.Debug, Message = "Regressions: {Checkouts} checkouts changed, {Series} series analysed in {Milliseconds:F0} ms")]
    public static partial void Recomputed(ILogger logger, int checkouts, int series, double milliseconds);

    [LoggerMessage(EventId = 3051, Level = LogLevel.Warning, Message = "Regressions: {Checkouts} changed checkouts could not be analysed, left for their next change: {Reason}")]
    public static partial void Failed(ILogger logger, int checkouts, string reason);

    [LoggerMessage(EventId = 3052, Level = LogLevel.Information, Message = "Regressions: the database was busy; {Checkouts} changed checkouts will be analysed again in {Seconds:F0} s: {Reason}")]
    public static partial void Retrying(ILogger logger, int checkouts, double seconds, string reason);
}
