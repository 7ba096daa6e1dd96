using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Tarball;

internal static partial class TarballLog
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Information, Message = "tarball: checkout {NodeId} uploaded as {Path} ({QueuedMs} ms after the node's creation; git {GitMs} ms, metadata {MetadataMs} ms, tarball and upload {TarballMs} ms)")]
    public static partial void Uploaded(ILogger logger, string nodeId, string path, long queuedMs, long gitMs, long metadataMs, long tarballMs);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "tarball: checkout {NodeId} failed with {ErrorCode}: {Message}")]
    public static partial void Failed(ILogger logger, string nodeId, string errorCode, string message);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "tarball: {Path} from the cache: {Reused} files reused, {Compressed} compressed, {Bytes} bytes")]
    public static partial void Assembled(ILogger logger, string path, int reused, int compressed, long bytes);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Information, Message = "tarball: {Path} made by git archive in full: {Reason}")]
    public static partial void NotCached(ILogger logger, string path, string reason);
}
