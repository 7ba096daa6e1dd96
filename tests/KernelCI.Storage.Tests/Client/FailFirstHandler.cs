namespace KernelCI.Storage.Tests.Client;

/// <summary>Fails the first request as a refused connection would, then passes requests on.</summary>
internal sealed class FailFirstHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public int Calls { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        ++Calls == 1 ? throw new HttpRequestException("connection refused") : base.SendAsync(request, cancellationToken);
}
