using System.Net;

namespace KernelCI.Client.Kcidb;

public sealed class KcidbClientException(HttpStatusCode statusCode, string message)
    : Exception($"KCIDB answered {(int)statusCode}: {message}")
{
    public HttpStatusCode StatusCode { get; } = statusCode;
}
