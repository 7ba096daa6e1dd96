using KernelCI.Dashboard.Trees.Items;
using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Trees;

/// <summary>Builds the path hierarchy of boots or tests: a test `a.b.c` sits in group `a` → `b`; a one-segment path
/// (`boot`) is its own group. Each group counts everything below it.</summary>
internal static class TestHierarchy
{
    public static IReadOnlyList<TestPathNode> Build(IEnumerable<TestItem> tests)
    {
        var roots = new SortedDictionary<string, TestPathNode>(StringComparer.Ordinal);
        var children = new Dictionary<TestPathNode, SortedDictionary<string, TestPathNode>>();
        foreach (var test in tests.OrderBy(t => t.Path, StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal))
        {
            var segments = test.Path.Split('.');
            var depth = Math.Max(1, segments.Length - 1);
            var level = roots;
            TestPathNode? node = null;
            for (var i = 0; i < depth; i++)
            {
                if (!level.TryGetValue(segments[i], out node))
                {
                    node = new TestPathNode(segments[i], string.Join('.', segments[..(i + 1)]));
                    level[segments[i]] = node;
                }

                if (!children.TryGetValue(node, out var next))
                {
                    next = new SortedDictionary<string, TestPathNode>(StringComparer.Ordinal);
                    children[node] = next;
                }

                level = next;
            }

            node!.Tests.Add(new TreeTestRow(test.Id, test.Path, test.Status, test.Platform, test.Config,
                test.Architecture, test.StartTime, test.Duration, "/test/" + Uri.EscapeDataString(test.Id)));
        }

        foreach (var root in roots.Values)
        {
            Finish(root, children);
        }

        return [.. roots.Values];
    }

    private static StatusTally Finish(TestPathNode node, Dictionary<TestPathNode, SortedDictionary<string, TestPathNode>> children)
    {
        long pass = 0, fail = 0, other = 0;
        foreach (var child in children.GetValueOrDefault(node)?.Values ?? Enumerable.Empty<TestPathNode>())
        {
            node.Children.Add(child);
            var tally = Finish(child, children);
            (pass, fail, other) = (pass + tally.Pass, fail + tally.Fail, other + tally.Inconclusive);
        }

        foreach (var test in node.Tests)
        {
            _ = test.Status switch
            {
                "PASS" => pass++,
                "FAIL" => fail++,
                _ => other++,
            };
        }

        node.Tally = new StatusTally(pass, fail, other);
        return node.Tally;
    }
}
