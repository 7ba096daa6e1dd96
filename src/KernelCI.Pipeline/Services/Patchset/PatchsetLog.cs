using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Patchset;

internal static partial class PatchsetLog
{
    [LoggerMessage(EventId = 2700, Level = LogLevel.Information, Message = "patchset: {NodeId} applied, tarball {Path}")]
    public static partial void Applied(ILogger logger, string nodeId, string path);

    [LoggerMessage(EventId = 2701, Level = LogLevel.Warning, Message = "patchset: {NodeId} failed: {Message}")]
    public static partial void Failed(ILogger logger, string nodeId, string message);

    [LoggerMessage(EventId = 2702, Level = LogLevel.Warning, Message = "patchset: {NodeId} will be retried")]
    public static partial void Deferred(ILogger logger, string nodeId, Exception exception);

    [LoggerMessage(EventId = 2703, Level = LogLevel.Information, Message = "patchset: {NodeId} applied on the git cache's base, tree {Tree}")]
    public static partial void FromGitCache(ILogger logger, string nodeId, string tree);

    [LoggerMessage(EventId = 2704, Level = LogLevel.Information, Message = "patchset: {NodeId} applied on the base's tarball: {Reason}")]
    public static partial void FromTarball(ILogger logger, string nodeId, string reason);
}
