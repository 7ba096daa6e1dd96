using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Labs;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>lab_type pull_labs: a lab behind a firewall that nobody submits to. "Submitting" stores the job's JSON
/// document (<see cref="PullJobDocument"/>) under `pull_labs_jobs/YYYYMMDD/NODEID.json`, records its URL as the
/// node's `job_definition` artifact and sets the node `available`, upstream's state for "waiting for a lab"
/// (kernelci/kernelci-core:kernelci/runtime/pull_labs.py). The lab claims it through the pipeline API and reports
/// through the LAVA callback route (docs/labs.md, "Connecting a firewalled lab (pull)"); the node's `timeout`
/// still applies, so an unclaimed or abandoned job ends `node_timeout` through the timeout service.</summary>
internal sealed class PullLabsRuntime(RuntimeConfig config, PullLabSettings lab, RuntimeContext context) : IRuntime
{
    public const string DefinitionArtifact = "job_definition";

    private readonly ILogger _logger = context.Loggers.CreateLogger<PullLabsRuntime>();

    public RuntimeConfig Config { get; } = config;

    public async Task<string> SubmitAsync(JobRequest request, CancellationToken cancellationToken)
    {
        var nodeId = request.Node.Id!;
        var document = PullJobDocument.Build(request, lab, context.Options.InstanceCallback);
        var folder = "pull_labs_jobs/" + context.Time.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var bytes = System.Text.Encoding.UTF8.GetBytes(document.ToJsonString());
        await context.Storage.UploadAsync(folder, nodeId + ".json", () => new MemoryStream(bytes), cancellationToken);
        var url = context.Urls.For($"{folder}/{nodeId}.json");
        var node = await context.Nodes.GetAsync(nodeId, cancellationToken);
        var artifacts = new Dictionary<string, string>(node.Artifacts) { [DefinitionArtifact] = url };
        await context.Nodes.UpdateAsync(node with
        {
            State = "available",
            Artifacts = artifacts,
            // Queued for the lab from now: the lab view's submission-to-result time starts here (docs/labs.md, the lab view).
            Data = NodeWriter.Merge(node.Data, Queued(nodeId)),
        }, cancellationToken);
        PullLabsLog.Queued(_logger, lab.Name, nodeId, url);
        return nodeId;
    }

    private JsonObject Queued(string nodeId)
    {
        var data = new JsonObject { ["job_id"] = nodeId };
        JobTimes.SetSubmittedAt(data, context.Time.GetUtcNow());
        return data;
    }
}
