using Azure;
using KernelCI.Storage.Backends;
using KernelCI.Storage.Files;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KernelCI.Storage;

/// <summary>The one mapping from storage's exceptions to kernelci-storage's replies: a refused upload keeps its
/// status and text, a malformed body is 400, a key clashing with a stored file or folder is 409, and the backend
/// (Azure) failing or unreachable is 502, logged and counted, since it is neither the client's fault nor ours.</summary>
internal sealed class StorageErrors(StorageMetrics metrics, ILogger<StorageErrors> logger)
{
    public static bool IsBackendFailure(Exception e) => e is RequestFailedException or HttpRequestException;

    /// <summary>The reply for <paramref name="e"/>, or false for an exception that is a bug (left to the host's 500).
    /// <paramref name="subject"/> (a key, or the request's path) names a backend failure in the log.</summary>
    public bool TryMap(Exception e, string? subject, out StorageError error)
    {
        error = e switch
        {
            UploadRejectedException rejected => new StorageError(rejected.StatusCode, rejected.Message),
            InvalidDataException => new StorageError(StatusCodes.Status400BadRequest, "Malformed multipart upload: " + e.Message),
            KeyConflictException => new StorageError(StatusCodes.Status409Conflict, e.Message),
            _ when IsBackendFailure(e) => BackendFailed(e, subject),
            _ => default,
        };
        return error.Status != 0;
    }

    /// <summary>Logs and counts a backend failure; the refusal to throw in its place (502).</summary>
    public UploadRejectedException Rejection(Exception e, string subject)
    {
        var error = BackendFailed(e, subject);
        return new UploadRejectedException(error.Status, error.Message);
    }

    private StorageError BackendFailed(Exception e, string? subject)
    {
        StorageLog.BackendFailed(logger, e, subject ?? "");
        metrics.BackendFailed();
        return new StorageError(StatusCodes.Status502BadGateway, "storage backend error: " + Describe(e));
    }

    // The SDK's own message spans lines of headers and content: the reply keeps to one line, as before it.
    private static string Describe(Exception e) => e switch
    {
        RequestFailedException { Status: 0, InnerException: { } inner } => inner.Message,
        RequestFailedException failed => $"Azure request failed: {failed.Status} {failed.ErrorCode}",
        _ => e.Message,
    };
}
