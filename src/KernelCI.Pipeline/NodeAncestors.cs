using KernelCI.Client.Maestro;

namespace KernelCI.Pipeline;

/// <summary>The one walk up a node's parents (the scheduler's rule context and job artifacts, send-kcidb's build and
/// status, the API's job retry). Parents are data any Maestro user writes, so a loop or an absurd depth ends the walk
/// at <see cref="MaxDepth"/> nodes.</summary>
internal static class NodeAncestors
{
    public const int MaxDepth = 32;

    /// <summary>The node <paramref name="firstId"/> and its ancestors, nearest first, read with
    /// <paramref name="getNode"/>; the walk ends at the root, at a node that does not exist, after
    /// <paramref name="maxDepth"/> nodes, or after the first node <paramref name="until"/> accepts.</summary>
    public static async Task<List<MaestroNode>> WalkAsync(string? firstId, Func<string, CancellationToken, Task<MaestroNode?>> getNode,
        CancellationToken cancellationToken, Func<MaestroNode, bool>? until = null, int maxDepth = MaxDepth)
    {
        var chain = new List<MaestroNode>();
        for (var next = firstId; next is not null && chain.Count < maxDepth;)
        {
            var node = await getNode(next, cancellationToken);
            if (node is null)
            {
                break;
            }

            chain.Add(node);
            if (until?.Invoke(node) == true)
            {
                break;
            }

            next = node.Parent;
        }

        return chain;
    }
}
