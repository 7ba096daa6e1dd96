using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Events;

internal static partial class RetryLog
{
    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "{What} failed, retrying in {Delay}: {Reason}")]
    public static partial void Failed(ILogger logger, string what, TimeSpan delay, string reason);
}
