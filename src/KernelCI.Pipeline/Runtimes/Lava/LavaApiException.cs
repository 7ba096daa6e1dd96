using System.Net;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>LAVA's REST API refused a request or could not be reached; the message names the lab and the status, never
/// the token.</summary>
internal sealed class LavaApiException(string message, HttpStatusCode? status = null, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;

    /// <summary>Worth another attempt: no answer, or a 5xx, 408 or 429.</summary>
    public bool Transient => Status is null or >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
