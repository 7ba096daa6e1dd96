using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Hardware;

/// <summary>The hardware endpoints' log lines: EventIds 6100-6199 (the dashboard's range, hardware's part).</summary>
internal static partial class HardwareLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Debug, Message = "Hardware {Hardware} {Part}: {Trees} trees, {Rows} test rows read")]
    public static partial void DetailsRead(ILogger logger, string hardware, string part, int trees, int rows);
}
