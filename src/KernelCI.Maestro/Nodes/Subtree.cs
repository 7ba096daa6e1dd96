using System.Data.Common;

namespace KernelCI.Maestro.Nodes;

/// <summary>The nodes of one hierarchy write known to be below its root (the root itself, the nodes written so far,
/// and the ancestors of existing children already walked), so that each child is checked with a few reads of its
/// stored ancestors at most.</summary>
internal sealed class Subtree(NodeStore nodes, string rootId)
{
    private readonly HashSet<string> _inside = [rootId];

    public string RootId => rootId;

    public void Add(string id) => _inside.Add(id);

    /// <summary>Whether the stored node <paramref name="id"/>, whose stored parent is <paramref name="parent"/>, is a
    /// strict descendant of the root. Stored parents may form a cycle (PUT sets any parent), so each id is walked once.</summary>
    public async Task<bool> ContainsAsync(DbConnection connection, DbTransaction transaction, string id, string? parent, CancellationToken cancellationToken)
    {
        var walked = new List<string>();
        var seen = new HashSet<string> { id };
        while (parent is not null && seen.Add(parent))
        {
            if (_inside.Contains(parent))
            {
                _inside.UnionWith(walked);
                return true;
            }

            walked.Add(parent);
            (_, parent) = await nodes.ParentAsync(connection, transaction, parent, cancellationToken);
        }

        return false;
    }
}
