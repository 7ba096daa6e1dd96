using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace KernelCI.KciDev.Tests.Mcp;

/// <summary>A pipeline API (or Maestro) that records each request (method, path, Authorization header, JSON body)
/// and answers with <see cref="Status"/> and <see cref="Reply"/>.</summary>
internal sealed class RecordingServer(string url = "http://pipeline.test/")
{
    public Uri Url { get; } = new(url);

    public List<(string Method, string Path, string? Authorization, JsonNode? Body)> Requests { get; } = [];

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public string Reply { get; set; } = """{"message":"OK","node":{"id":"65a1f0c2e1b2c3d4e5f60718","treeid":"tree-1"}}""";

    public HttpMessageHandler Handler() => new Recorder(this);

    private sealed class Recorder(RecordingServer owner) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
            var authorization = request.Headers.TryGetValues("Authorization", out var values) ? string.Join(",", values) : null;
            lock (owner.Requests)
            {
                owner.Requests.Add((request.Method.Method, request.RequestUri!.PathAndQuery, authorization, body));
            }

            return new HttpResponseMessage(owner.Status) { Content = new StringContent(owner.Reply, Encoding.UTF8, "application/json") };
        }
    }
}
