using System.Net;

namespace KernelCI.Storage.Tests.Client;

/// <summary>Answers requests with the given statuses in turn (the last one repeats), counting calls.</summary>
internal sealed class ScriptedHandler(params HttpStatusCode[] statuses) : HttpMessageHandler
{
    public int Calls { get; private set; }

    public string? LastAuthorization { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastAuthorization = request.Headers.TryGetValues("Authorization", out var values) ? values.Single() : null;
        var status = statuses[Math.Min(Calls, statuses.Length - 1)];
        Calls++;
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(status == HttpStatusCode.OK ? "Authorized: x" : "no") });
    }
}
