using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Labs;

internal static partial class LabViewLog
{
    [LoggerMessage(EventId = 8200, Level = LogLevel.Warning, Message = "lab view: lab {Lab} did not answer the device query: {Reason}")]
    public static partial void Unreachable(ILogger logger, string lab, string reason);
}
