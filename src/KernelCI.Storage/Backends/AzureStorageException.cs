using System.Net;

namespace KernelCI.Storage.Backends;

/// <summary>Azure answered an unexpected status; <see cref="ErrorCode"/> is its x-ms-error-code.</summary>
internal sealed class AzureStorageException(HttpStatusCode status, string? errorCode, string operation)
    : IOException($"Azure {operation} failed: {(int)status} {errorCode}")
{
    public HttpStatusCode Status { get; } = status;

    public string? ErrorCode { get; } = errorCode;
}
