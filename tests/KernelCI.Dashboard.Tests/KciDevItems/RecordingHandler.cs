using System.Net;

namespace KernelCI.Dashboard.Tests.KciDevItems;

/// <summary>What our kci-dev sends, recorded on its way to the real dashboard listener; requests for <see cref="LogHost"/>
/// are answered from <see cref="Logs"/> instead (the seeds' log URLs point there).</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    public const string LogHost = "logs.example.org";

    public RecordingHandler(List<string> requests, Dictionary<string, byte[]> logs)
    {
        Requests = requests;
        Logs = logs;
        InnerHandler = new SocketsHttpHandler();
    }

    public List<string> Requests { get; }

    public Dictionary<string, byte[]> Logs { get; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add($"{request.Method} {request.RequestUri!.PathAndQuery}");
        }

        if (request.RequestUri!.Host != LogHost)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        return Logs.TryGetValue(request.RequestUri.AbsolutePath, out var bytes)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) }
            : new HttpResponseMessage(HttpStatusCode.NotFound);
    }
}
