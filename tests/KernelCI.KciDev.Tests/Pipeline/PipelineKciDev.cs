using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Pipeline;

/// <summary>Our kci-dev in process with an instance pointing at <see cref="PipelineServers"/>, every request recorded.</summary>
internal sealed class PipelineKciDev : IDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public PipelineKciDev(PipelineServers servers, string? token)
    {
        Harness.Handler = () => new RecordingHandler(_requests);
        Harness.WriteInstance(api: servers.Api, pipeline: servers.Pipeline, token: token);
    }

    public KciDevHarness Harness { get; } = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>The one request to the pipeline API, its body as JSON.</summary>
    public (RecordedRequest Request, JsonObject Body) PipelineRequest()
    {
        var request = Assert.Single(_requests, r => r.PathAndQuery.StartsWith("/api/", StringComparison.Ordinal));
        return (request, JsonNode.Parse(request.Body!)!.AsObject());
    }

    public Task<ProcessResult> RunAsync(params string[] arguments) => Harness.RunAsync(arguments);

    public void Dispose() => Harness.Dispose();
}
