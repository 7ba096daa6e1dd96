using KernelCI.Client.Maestro;

namespace KernelCI.Pipeline.Services.SendKcidb;

/// <summary>Nodes the KCIDB bridge has yet to send: unprocessed and in a state it sends. A long list, or old entries,
/// mean the bridge is down or KCIDB refuses its submissions.</summary>
public static class PendingReport
{
    public static async Task<IReadOnlyList<MaestroNode>> ListAsync(MaestroClient maestro, CancellationToken cancellationToken = default)
    {
        var filter = new NodeFilter().Where("processed_by_kcidb_bridge", "false").In("state", "available", "done").SortBy("created");
        var nodes = await maestro.GetNodesFastAsync(filter, cancellationToken);
        return [.. nodes.Where(NodeRules.IsSendable)];
    }
}
