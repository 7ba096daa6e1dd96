using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Proxy;

internal static partial class ProxyLog
{
    [LoggerMessage(EventId = 6300, Level = LogLevel.Information, Message = "Log proxy refused {Url}: {Reason}")]
    public static partial void Refused(ILogger logger, string url, string reason);

    [LoggerMessage(EventId = 6301, Level = LogLevel.Warning, Message = "Log proxy could not fetch {Url}: {Reason}")]
    public static partial void FetchFailed(ILogger logger, string url, string reason);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Warning, Message = "Log proxy cut {Url} short after the reply started: {Reason}")]
    public static partial void Aborted(ILogger logger, string url, string reason);
}
