namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>Makes our dashboard look like upstream's, which has no paging: `limit` and `cursor` are taken out of each
/// request's query before it reaches the server, which then answers the whole list without a next cursor.</summary>
internal sealed class QueryStrippingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var kept = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("limit=", StringComparison.Ordinal) && !p.StartsWith("cursor=", StringComparison.Ordinal));
        request.RequestUri = new UriBuilder(uri) { Query = string.Join('&', kept) }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
