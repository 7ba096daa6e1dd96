using System.Net;
using System.Text;

namespace KernelCI.KciDev.Tests.Watching;

/// <summary>Stands in for Maestro's `/events/stream`: answers 404 as upstream's kernelci-api does (which has none), or
/// ends the first few streams at once, or the first one after its first event, as a dropped connection would; every other request goes to the real server.</summary>
internal sealed class StreamOverride(bool missing, int streamsToEnd = 0, bool cutFirstAfterOneEvent = false) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _ended;

    public List<string> Streams { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.RequestUri!.AbsolutePath.EndsWith("/events/stream", StringComparison.Ordinal))
        {
            return base.SendAsync(request, cancellationToken);
        }

        lock (Streams)
        {
            Streams.Add(request.RequestUri.Query);
        }

        if (missing)
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("{\"detail\":\"Not Found\"}", Encoding.UTF8, "application/json") });
        }

        var number = Interlocked.Increment(ref _ended);
        if (number <= streamsToEnd)
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("", Encoding.UTF8, "text/event-stream") });
        }

        return cutFirstAfterOneEvent && number == 1 ? CutAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> CutAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        response.Content = new StreamContent(new FirstEventOnly(body));
        return response;
    }
}
