using System.Collections.Concurrent;

namespace KernelCI.KciDev.Tests.Pipeline;

/// <summary>Records every request kci-dev sends to the real servers, then sends it on a real socket.</summary>
internal sealed class RecordingHandler(ConcurrentQueue<RecordedRequest> requests) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var authorization = request.Headers.TryGetValues("Authorization", out var values) ? string.Join(",", values) : null;
        requests.Enqueue(new RecordedRequest(request.Method.Method, request.RequestUri!.PathAndQuery, authorization, body));
        return await base.SendAsync(request, cancellationToken);
    }
}
