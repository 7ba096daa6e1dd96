using System.Net;

namespace KernelCI.Client.Storage;

/// <summary>The server refused the request; <see cref="Status"/> and its plain-text or JSON message say why.</summary>
public sealed class StorageClientException(HttpStatusCode status, string message) : Exception($"{(int)status} {status}: {message}")
{
    public HttpStatusCode Status { get; } = status;
}
