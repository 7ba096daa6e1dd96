using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Tarball;

internal static partial class TarballLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "tarball: checkout {NodeId} uploaded as {Path}")]
    public static partial void Uploaded(ILogger logger, string nodeId, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "tarball: checkout {NodeId} failed with {ErrorCode}: {Message}")]
    public static partial void Failed(ILogger logger, string nodeId, string errorCode, string message);
}
