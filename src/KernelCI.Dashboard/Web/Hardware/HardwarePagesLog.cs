using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Web.Hardware;

/// <summary>The hardware pages' log lines (EventIds 6620-6629).</summary>
internal static partial class HardwarePagesLog
{
    [LoggerMessage(EventId = 6620, Level = LogLevel.Debug, Message = "Hardware page {Hardware} shown: tab {Tab}, {Trees} trees")]
    public static partial void DetailsShown(ILogger logger, string hardware, string tab, int trees);
}
