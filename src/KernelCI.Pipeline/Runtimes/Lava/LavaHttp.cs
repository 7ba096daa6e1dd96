namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>The HTTP clients of the labs' REST APIs (`&lt;url&gt;/api/v0.2/`); tests give their own handler.</summary>
internal sealed class LavaHttp(Func<HttpMessageHandler>? handler = null)
{
    public HttpClient Client(Uri? labUrl) =>
        new(handler?.Invoke() ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: handler is null)
        {
            BaseAddress = labUrl is null ? null : new Uri(labUrl.ToString().TrimEnd('/') + "/api/v0.2/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
}
