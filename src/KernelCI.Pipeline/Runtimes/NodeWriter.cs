using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Events;

namespace KernelCI.Pipeline.Runtimes;

/// <summary>The runtime's writes to its job node, retried while Maestro is down. The runtime is the node's only
/// writer once the scheduler created it, so read-merge-write is safe.</summary>
internal sealed class NodeWriter(MaestroClient maestro, Retry retry)
{
    public Task<MaestroNode> GetAsync(string id, CancellationToken cancellationToken) =>
        retry.RunAsync("get node " + id, async ct =>
            await maestro.GetNodeAsync(id, ct) ?? throw new InvalidOperationException($"node {id} does not exist"), cancellationToken);

    /// <summary>Adds <paramref name="fields"/> to the node's data.</summary>
    public Task SetDataAsync(string id, JsonObject fields, CancellationToken cancellationToken) =>
        retry.RunAsync("set data of node " + id, async ct =>
        {
            var node = await maestro.GetNodeAsync(id, ct) ?? throw new InvalidOperationException($"node {id} does not exist");
            await maestro.PatchNodeAsync(id, new JsonObject { ["data"] = Merge(node.Data, fields) }, cancellationToken: ct);
        }, cancellationToken);

    public Task UpdateAsync(MaestroNode node, CancellationToken cancellationToken) =>
        retry.RunAsync("update node " + node.Id, ct => maestro.UpdateNodeAsync(node, cancellationToken: ct), cancellationToken);

    public Task PutTreeAsync(NodeTree tree, CancellationToken cancellationToken) =>
        retry.RunAsync("write results of node " + tree.Node.Id, ct => maestro.WriteTreeAsync(tree.Node.Id!, tree, ct), cancellationToken);

    public static JsonObject Merge(JsonObject data, JsonObject fields)
    {
        var merged = data.DeepClone().AsObject();
        foreach (var (name, value) in fields)
        {
            merged[name] = value?.DeepClone();
        }

        return merged;
    }
}
