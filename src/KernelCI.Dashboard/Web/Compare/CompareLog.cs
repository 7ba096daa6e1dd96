using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Web.Compare;

/// <summary>The compare and metrics pages' log lines (EventIds 6640-6659).</summary>
internal static partial class CompareLog
{
    public const string Category = "KernelCI.Dashboard.Web.Compare";

    [LoggerMessage(EventId = 6640, Level = LogLevel.Debug, Message = "Compare page {Tree} {Branch} {HashA} → {HashB}: {Rows} changed {Tab}")]
    public static partial void Compared(ILogger logger, string tree, string branch, string? hashA, string? hashB, int rows, string tab);

    [LoggerMessage(EventId = 6641, Level = LogLevel.Debug, Message = "Metrics page {Start:o} to {End:o} read in {Milliseconds} ms")]
    public static partial void MetricsRead(ILogger logger, DateTimeOffset start, DateTimeOffset end, long milliseconds);
}
