using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Events;
using KernelCI.Pipeline.Labs;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>Turns one stored callback into its job node's tree: a node already done (a duplicate or late callback)
/// or gone is left as it is; otherwise the artifacts are uploaded and the tree written in one PUT. Calls to Maestro
/// and storage are retried while they are down (<see cref="Retry"/>), so only a real failure throws.</summary>
internal sealed class CallbackProcessor(MaestroClient maestro, CallbackArtifacts artifacts, Retry retry, ILogger<CallbackProcessor> logger)
{
    public async Task ProcessAsync(StoredCallback stored, CancellationToken cancellationToken)
    {
        var node = await retry.RunAsync("get node " + stored.NodeId, ct => maestro.GetNodeAsync(stored.NodeId, ct), cancellationToken);
        if (node is null)
        {
            LavaCallbackLog.NodeGone(logger, stored.NodeId, stored.Id);
            return;
        }

        if (node.State == "done")
        {
            LavaCallbackLog.AlreadyDone(logger, stored.NodeId, stored.Id);
            return;
        }

        var body = JsonNode.Parse(stored.Body)!.AsObject();
        var callback = LavaCallback.Parse(body);
        var outcome = CallbackResults.Convert(callback, node.Name);
        var uploaded = await artifacts.UploadAsync($"{node.Name}-{node.Id}", callback, body, cancellationToken);
        foreach (var (name, url) in outcome.UploadedArtifacts)
        {
            uploaded[name] = url;
        }

        var tree = CallbackTree.Build(node, outcome, callback.DeviceId, uploaded);
        if (stored.Received is { } received)
        {
            // When the lab reported, not when the worker got to it: the lab view's submission-to-result time.
            JobTimes.SetResultAt(tree.Node.Data, received);
        }

        await retry.RunAsync("write results of node " + node.Id, ct => maestro.WriteTreeAsync(node.Id!, tree, ct), cancellationToken);
        LavaCallbackLog.Written(logger, node.Id!, outcome.Result, outcome.ErrorCode, outcome.Children.Count);
    }
}
