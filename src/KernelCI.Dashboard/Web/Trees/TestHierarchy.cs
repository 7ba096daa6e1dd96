using KernelCI.Dashboard.Trees.Items;
using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Trees;

/// <summary>Builds the path hierarchy of boots or tests: a test `a.b.c` sits in group `a` → `b`; a one-segment path
/// (`boot`) is its own group. Each group counts everything below it.</summary>
internal static class TestHierarchy
{
    /// <summary>From test rows: every group also keeps the tests that end at it.</summary>
    public static IReadOnlyList<TestPathNode> Build(IEnumerable<TestItem> tests)
    {
        var tree = new Tree();
        foreach (var test in tests.OrderBy(t => t.Path, StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal))
        {
            var node = tree.Place(test.Path);
            node.Tests.Add(Row(test));
            node.Count(test.Status, 1);
        }

        return tree.Finish();
    }

    /// <summary>From counts per path and status (no test row read): the groups and their tallies, without the tests
    /// themselves, which the page reads for the open group alone.</summary>
    public static IReadOnlyList<TestPathNode> Build(IEnumerable<PathStatusCount> counts)
    {
        var tree = new Tree();
        foreach (var count in counts)
        {
            tree.Place(count.Path).Count(count.Status, count.Tests);
        }

        return tree.Finish();
    }

    /// <summary>The group a test of <paramref name="path"/> sits in.</summary>
    public static string GroupOf(string path)
    {
        var last = path.LastIndexOf('.');
        return last < 0 ? path : path[..last];
    }

    public static TreeTestRow Row(TestItem test) => new(test.Id, test.Path, test.Status, test.Platform, test.Config,
        test.Architecture, test.StartTime, test.Duration, "/test/" + Uri.EscapeDataString(test.Id));

    private sealed class Tree
    {
        private readonly SortedDictionary<string, TestPathNode> _roots = new(StringComparer.Ordinal);
        private readonly Dictionary<TestPathNode, SortedDictionary<string, TestPathNode>> _children = [];

        public TestPathNode Place(string path)
        {
            var segments = path.Split('.');
            var depth = Math.Max(1, segments.Length - 1);
            var level = _roots;
            TestPathNode? node = null;
            for (var i = 0; i < depth; i++)
            {
                if (!level.TryGetValue(segments[i], out node))
                {
                    node = new TestPathNode(segments[i], string.Join('.', segments[..(i + 1)]));
                    level[segments[i]] = node;
                }

                if (!_children.TryGetValue(node, out var next))
                {
                    next = new SortedDictionary<string, TestPathNode>(StringComparer.Ordinal);
                    _children[node] = next;
                }

                level = next;
            }

            return node!;
        }

        public IReadOnlyList<TestPathNode> Finish()
        {
            foreach (var root in _roots.Values)
            {
                Finish(root);
            }

            return [.. _roots.Values];
        }

        private StatusTally Finish(TestPathNode node)
        {
            var (pass, fail, other) = (node.Tally.Pass, node.Tally.Fail, node.Tally.Inconclusive);
            foreach (var child in _children.GetValueOrDefault(node)?.Values ?? Enumerable.Empty<TestPathNode>())
            {
                node.Children.Add(child);
                var tally = Finish(child);
                (pass, fail, other) = (pass + tally.Pass, fail + tally.Fail, other + tally.Inconclusive);
            }

            node.Tally = new StatusTally(pass, fail, other);
            return node.Tally;
        }
    }
}
