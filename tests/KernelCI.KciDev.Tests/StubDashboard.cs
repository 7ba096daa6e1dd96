using System.Net;
using System.Text;

namespace KernelCI.KciDev.Tests;

/// <summary>A dashboard API answering from a table of canned replies, recording each request URL: for tests of the
/// client's own behaviour (config, retries, errors) where no real data is needed.</summary>
internal sealed class StubDashboard : IDisposable
{
    public Uri Url { get; } = new("http://dashboard.test/api/");

    public List<string> Requests { get; } = [];

    /// <summary>Replies in order; when only one is left it answers every further request.</summary>
    public Queue<(HttpStatusCode Status, string Body)> Replies { get; } = new([(HttpStatusCode.OK, "[]")]);

    public HttpMessageHandler Handler() => new Stub(this);

    public void Dispose()
    {
    }

    private sealed class Stub(StubDashboard owner) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            owner.Requests.Add(request.RequestUri!.ToString());
            var (status, body) = owner.Replies.Count > 1 ? owner.Replies.Dequeue() : owner.Replies.Peek();
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
