using System.Net;

namespace KernelCI.Client.Dashboard;

/// <summary>The dashboard API answered with an error: a non-2xx status after the retries, or HTTP 200 with an
/// `{"error": …}` body, upstream's not-found convention (docs/dashboard-api.md). <see cref="Exception.Message"/> is
/// the server's message, which kci-dev's commands match on ("No issues…", "No builds…").</summary>
public sealed class DashboardApiException(HttpStatusCode statusCode, string message) : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>True for HTTP 200 with an `error` key: the request was understood and found nothing.</summary>
    public bool IsErrorReply => StatusCode == HttpStatusCode.OK;
}
