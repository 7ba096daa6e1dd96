using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Web.Builds;

/// <summary>The build and test pages' log lines (EventIds 6600-6619): an unknown id is answered with the 404 page and
/// noted, as PageErrorFilter notes a refused parameter.</summary>
internal static partial class DetailsLog
{
    [LoggerMessage(EventId = 6600, Level = LogLevel.Information, Message = "Build page: no build {Id}")]
    public static partial void BuildNotFound(ILogger logger, string id);

    [LoggerMessage(EventId = 6601, Level = LogLevel.Information, Message = "Test page: no test {Id}")]
    public static partial void TestNotFound(ILogger logger, string id);
}
