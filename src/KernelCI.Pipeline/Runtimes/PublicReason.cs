using KernelCI.Client.Storage;

namespace KernelCI.Pipeline.Runtimes;

/// <summary>What a node's public error_msg (and a public build log) may say about an exception: an HTTP status, or the
/// exception's kind. Messages of file and process errors name the work folder's paths, which stay in the service's
/// log (docs/pipeline/runtimes.md).</summary>
internal static class PublicReason
{
    public static string Of(Exception e) => e switch
    {
        StorageClientException s => $"storage replied {(int)s.Status} {s.Status}",
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status} {status}",
        HttpRequestException => "the connection failed",
        TimeoutException or TaskCanceledException => "it timed out",
        _ => e.GetType().Name,
    };
}
