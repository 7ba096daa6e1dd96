using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.JobRetry;

internal static partial class JobRetryLog
{
    [LoggerMessage(EventId = 2600, Level = LogLevel.Information, Message = "job-retry: {NodeId} ({Name}) retry {Counter} through parent {ParentId}")]
    public static partial void Published(ILogger logger, string nodeId, string name, int counter, string parentId);
}
