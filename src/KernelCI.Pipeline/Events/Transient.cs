using System.Net;
using KernelCI.Client.Kcidb;
using KernelCI.Client.Maestro;
using KernelCI.Client.Storage;

namespace KernelCI.Pipeline.Events;

/// <summary>Which failures of another component are worth retrying: it is down, restarting or overloaded.</summary>
internal static class Transient
{
    public static bool Is(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException => true,
        IOException => true,
        MaestroClientException m => IsStatus(m.StatusCode),
        StorageClientException s => IsStatus(s.Status),
        KcidbClientException k => IsStatus(k.StatusCode),
        _ => false,
    };

    private static bool IsStatus(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
