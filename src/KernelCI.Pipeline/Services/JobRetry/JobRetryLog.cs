using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.JobRetry;

internal static partial class JobRetryLog
{
    [LoggerMessage(EventId = 2600, Level = LogLevel.Information, Message = "job-retry: {NodeId} ({Name}) retry {Counter} through parent {ParentId}")]
    public static partial void Published(ILogger logger, string nodeId, string name, int counter, string parentId);

    [LoggerMessage(EventId = 2601, Level = LogLevel.Information, Message = "job-retry: {NodeId} ({Name}) not retried: a step of regression {Regression}'s bisection")]
    public static partial void BisectionStep(ILogger logger, string nodeId, string name, string regression);
}
