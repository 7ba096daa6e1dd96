using System.Net;

namespace KernelCI.Client.Maestro;

/// <summary>The server refused a request; <see cref="Exception.Message"/> holds its `detail`.</summary>
public sealed class MaestroClientException(HttpStatusCode statusCode, string detail) : Exception(detail)
{
    public HttpStatusCode StatusCode { get; } = statusCode;
}
