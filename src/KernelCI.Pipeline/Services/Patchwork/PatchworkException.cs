using System.Net;

namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>Patchwork answered other than expected; <see cref="Status"/> is null when it did not answer at all.</summary>
internal sealed class PatchworkException(string message, HttpStatusCode? status = null, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;

    /// <summary>Worth trying again later: unreachable, 5xx, 408, 429. A refused token (403) is not, but the service
    /// still retries it with back-off, since an operator may fix the secret without a restart.</summary>
    public bool Transient => Status is null || (int)Status >= 500 || Status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
