using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Web.Shared;

/// <summary>The web pages' log lines (EventIds 6500-6599).</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 6500, Level = LogLevel.Information, Message = "Page {Path} refused: {Problem}")]
    public static partial void PageRefused(ILogger logger, string path, string problem);
}
