namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>Records each request our kci-dev sends (method, path with query, body) before passing it on.</summary>
internal sealed class RecordingHandler(List<SentRequest> requests, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (requests)
        {
            requests.Add(new SentRequest(request.Method.Method, request.RequestUri!.PathAndQuery, body));
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
