using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Web.Issues;

/// <summary>The issue pages' log lines (EventIds 6630-6639).</summary>
internal static partial class IssuePagesLog
{
    [LoggerMessage(EventId = 6630, Level = LogLevel.Debug, Message = "Issue listing shown: {Read} issue versions read, {Matching} match")]
    public static partial void ListingShown(ILogger logger, int read, int matching);
}
