using KernelCI.Storage.Auth;
using KernelCI.Storage.Backends;
using Microsoft.Extensions.Logging;

namespace KernelCI.Storage.Files;

/// <summary>Stores one uploaded file: key checks, permissions, the per-key writer lock, the size limit.</summary>
internal sealed class UploadWriter(IStorageBackend backend, UploadPermissions permissions, KeyLocks locks, StorageOptions options,
    StorageMetrics metrics, StorageErrors errors, ILogger<UploadWriter> logger)
{
    public long MaxFileBytes => options.MaxFileBytes;

    /// <summary>kernelci-core sends file0..N in one request; upstream kept only file0, we store them all.</summary>
    public static bool IsFilePart(string name) =>
        name.Length > 4 && name.StartsWith("file", StringComparison.Ordinal) && name[4..].All(char.IsAsciiDigit);

    public Task<long> WriteAsync(string email, string path, string fileName, IUploadBody content, string contentType, CancellationToken cancellationToken) =>
        StorageKey.TryFromUpload(path, fileName, out var key, out var error)
            ? WriteKeyAsync(email, key, content, contentType, options.MaxFileBytes, cancellationToken)
            : throw new UploadRejectedException(400, error);

    public void EnsureAllowed(string email, string key)
    {
        if (!permissions.Allows(email, key))
        {
            throw new UploadRejectedException(403, $"User {email} has no upload permissions for path {key}");
        }
    }

    public async Task<long> WriteKeyAsync(string email, string key, IUploadBody content, string contentType, long limit, CancellationToken cancellationToken)
    {
        EnsureAllowed(email, key);
        using var held = locks.TryAcquire(key) ?? throw new UploadRejectedException(409, "Upload already in progress");
        var type = contentType.Length > 0 ? contentType : ContentTypes.FromName(key);
        long size;
        try
        {
            size = await backend.PutAsync(key, new LimitedUploadBody(content, limit), type, cancellationToken);
        }
        catch (Exception e) when (StorageErrors.IsBackendFailure(e))
        {
            // Named by its key in the log; an archive reports it among its entries' failures.
            throw errors.Rejection(e, key);
        }

        metrics.Uploaded(size);
        StorageLog.Uploaded(logger, key, size, email);
        return size;
    }
}
