using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Issues;

/// <summary>The issue, detail and metrics endpoints' log lines (event ids 6200-6299; 8500-8519 the listing's timings).</summary>
internal static partial class IssuesLog
{
    public const string Category = "KernelCI.Dashboard.Issues";

    [LoggerMessage(EventId = 6200, Level = LogLevel.Debug, Message = "Issue listing: {Read} issue versions in the window, {Listed} listed")]
    public static partial void Listed(ILogger logger, int read, int listed);

    [LoggerMessage(EventId = 8500, Level = LogLevel.Debug,
        Message = "Issue listing of {Issues} issues: read {ReadMs:F1} ms, built {BuiltMs:F1} ms, written {WrittenMs:F1} ms ({Bytes} bytes)")]
    public static partial void ListingTimed(ILogger logger, int issues, double readMs, double builtMs, double writtenMs, long bytes);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Debug, Message = "Issue extras for {Pairs} pairs: {Found} issues with incidents")]
    public static partial void Extras(ILogger logger, int pairs, int found);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Debug, Message = "Metrics for [{Start}, {End}) took {ElapsedMs} ms")]
    public static partial void Metrics(ILogger logger, DateTimeOffset start, DateTimeOffset end, long elapsedMs);
}
