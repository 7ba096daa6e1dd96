namespace KernelCI.KciDev.Tests.Mcp;

/// <summary>One HTTP handler for the MCP server's clients that sends each request to the fake server of its host
/// (dashboard, Maestro, pipeline).</summary>
internal sealed class HostRouter(IReadOnlyDictionary<string, HttpMessageInvoker> routes) : HttpMessageHandler
{
    public static Func<HttpMessageHandler> Of(params (Uri Url, Func<HttpMessageHandler> Handler)[] servers) =>
        () => new HostRouter(servers.ToDictionary(s => s.Url.Authority, s => new HttpMessageInvoker(s.Handler())));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        routes.TryGetValue(request.RequestUri!.Authority, out var route)
            ? route.SendAsync(request, cancellationToken)
            : throw new HttpRequestException($"no fake server for {request.RequestUri}");
}
