using System.Net;

namespace KernelCI.Client.Pipeline;

/// <summary>The pipeline API answered anything but HTTP 200 (kci-dev.md §3.1: only 200 counts as success); the message
/// carries the status and the server's body.</summary>
public sealed class PipelineClientException(HttpStatusCode statusCode, string body)
    : Exception($"HTTP {(int)statusCode}: {body}")
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public string Body { get; } = body;
}
