using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Regressions;

/// <summary>Log entries of tree-report, compare and status history (EventIds 6400-6499).</summary>
internal static partial class ReportLog
{
    [LoggerMessage(EventId = 6400, Level = LogLevel.Debug, Message = "Tree report of {GitUrl} {Branch} at {Commit}: {Runs} runs read and classified in {Milliseconds} ms")]
    public static partial void TreeReportRead(ILogger logger, string gitUrl, string branch, string commit, int runs, double milliseconds);

    [LoggerMessage(EventId = 6401, Level = LogLevel.Debug, Message = "Compare of {Tree} {Branch} {HashA}..{HashB}: {Rows} {Kind} paired")]
    public static partial void ComparePaired(ILogger logger, string tree, string branch, string hashA, string hashB, int rows, string kind);
}
