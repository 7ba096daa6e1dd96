using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava;

/// <summary>LAVA's REST API v0.2 in the test: records every request and answers from <see cref="Reply"/> (by default,
/// a submission gets job 42, one Good qemu device, nothing queued).</summary>
internal sealed class FakeLava : HttpMessageHandler
{
    public sealed record Request(string Method, string PathAndQuery, string? Authorization, string Body);

    public ConcurrentQueue<Request> Requests { get; } = new();

    public Func<Request, (HttpStatusCode Status, string Body)> Reply { get; set; } = Default;

    /// <summary>Every request fails as a refused connection does (recorded all the same).</summary>
    public bool Refusing { get; set; }

    public static (HttpStatusCode, string) Default(Request request) => request switch
    {
        { Method: "POST", PathAndQuery: "/api/v0.2/jobs/" } => (HttpStatusCode.Created, """{"message":"job(s) successfully submitted","job_ids":[42]}"""),
        { PathAndQuery: var p } when p.StartsWith("/api/v0.2/devices/", StringComparison.Ordinal) =>
            (HttpStatusCode.OK, """{"count":1,"next":null,"results":[{"hostname":"qemu01","device_type":"qemu","health":"Good"}]}"""),
        { PathAndQuery: var p } when p.StartsWith("/api/v0.2/jobs/?", StringComparison.Ordinal) => (HttpStatusCode.OK, """{"count":0,"results":[]}"""),
        { PathAndQuery: var p } when p.EndsWith("/cancel/", StringComparison.Ordinal) => (HttpStatusCode.OK, """{"message":"Job cancel signal sent."}"""),
        _ => (HttpStatusCode.NotFound, """{"detail":"Not found."}"""),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        var body = message.Content is null ? "" : await message.Content.ReadAsStringAsync(cancellationToken);
        var request = new Request(message.Method.Method, message.RequestUri!.PathAndQuery, message.Headers.Authorization?.ToString(), body);
        Requests.Enqueue(request);
        if (Refusing)
        {
            throw new HttpRequestException("Connection refused (lava.example.org:443)");
        }

        var (status, reply) = Reply(request);
        return new HttpResponseMessage(status) { Content = new StringContent(reply, Encoding.UTF8, "application/json") };
    }
}
