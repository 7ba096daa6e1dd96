using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Issues;

/// <summary>The issue listing cache's log lines (event ids 8840-8849).</summary>
internal static partial class IssueListingCacheLog
{
    [LoggerMessage(EventId = 8840, Level = LogLevel.Debug,
        Message = "Issue listing snapshot: {Rows} issue versions since {Start} at stamp {Stamp}, about {Bytes} bytes, read in {ElapsedMs:F1} ms")]
    public static partial void Built(ILogger logger, int rows, DateTimeOffset start, long stamp, long bytes, double elapsedMs);

    [LoggerMessage(EventId = 8841, Level = LogLevel.Warning,
        Message = "Issue listing snapshot of {Rows} issue versions (about {Bytes} bytes) is over Dashboard:IssueListingCacheBytes ({Limit}): not kept")]
    public static partial void TooLarge(ILogger logger, int rows, long bytes, long limit);

    [LoggerMessage(EventId = 8842, Level = LogLevel.Debug, Message = "Issue listing of {Rows} issue versions answered with a kept answer ({Bytes} bytes)")]
    public static partial void Answered(ILogger logger, int rows, long bytes);
}
