using Microsoft.Extensions.Logging;

namespace KernelCI.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Stored {Key} ({Bytes} bytes) for {Owner}")]
    public static partial void Uploaded(ILogger logger, string key, long bytes, string owner);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Authentication failed: {Reason} on {Path}")]
    public static partial void AuthFailed(ILogger logger, string reason, string? path);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Storage backend failed for {Key}")]
    public static partial void BackendFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Archive for {Prefix}: {Uploaded} files, {Failed} failed, {Bytes} bytes")]
    public static partial void ArchiveStored(ILogger logger, string prefix, int uploaded, int failed, long bytes);
}
