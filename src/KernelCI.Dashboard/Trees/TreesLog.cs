using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Trees;

/// <summary>The tree endpoints' log lines (EventIds 6000-6099).</summary>
internal static partial class TreesLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug, Message = "Tree {Commit} ({Origin}): the filters need the checkouts' test rows, the aggregates cannot answer")]
    public static partial void ReadingTestRows(ILogger logger, string commit, string origin);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Tree {Commit} ({Origin}) has a checkout without builds")]
    public static partial void CheckoutWithoutBuilds(ILogger logger, string commit, string origin);
}
