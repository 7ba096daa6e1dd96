using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Patchset;

internal static partial class PatchsetLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "patchset: {NodeId} applied, tarball {Path}")]
    public static partial void Applied(ILogger logger, string nodeId, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "patchset: {NodeId} failed: {Message}")]
    public static partial void Failed(ILogger logger, string nodeId, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "patchset: {NodeId} will be retried")]
    public static partial void Deferred(ILogger logger, string nodeId, Exception exception);
}
