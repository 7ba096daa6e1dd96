using System.Net;

namespace KernelCI.Client.Notifications;

/// <summary>`/api/subscriptions` refused a request: <see cref="Exception.Message"/> is the server's `detail`, which
/// starts with the field at fault (docs/notifications.md, "Subscribing").</summary>
public sealed class SubscriptionsClientException(HttpStatusCode statusCode, string message) : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;
}
