using KernelCI.Dashboard.Http;
using KernelCI.Dashboard.Trees.Items;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Web.Trees;

/// <summary>One level of the tests hierarchy, paged: the open group's sub-groups first (by name), then the tests whose
/// path ends at it (by path and id). A page of a build with 100,000 tests is as big as one with 10.</summary>
internal static class TestGroupLevel
{
    /// <summary>The page of the level the URL opens (`group=`, the top when absent) of <paramref name="items"/>'
    /// hierarchy: its sub-groups and its own tests.</summary>
    public static (string Group, IReadOnlyList<TestPathNode> Groups, IReadOnlyList<TreeTestRow> Tests) Page(HttpContext http,
        IReadOnlyList<TestItem> items, PageRequest page, out string? next) =>
        Page(http, TestHierarchy.Build(items), null, page, out next);

    /// <summary>The same from a hierarchy built from counts, with <paramref name="levelTests"/> the tests that end at
    /// the open group (read for it alone); null takes them from the hierarchy's own nodes.</summary>
    public static (string Group, IReadOnlyList<TestPathNode> Groups, IReadOnlyList<TreeTestRow> Tests) Page(HttpContext http,
        IReadOnlyList<TestPathNode> roots, IReadOnlyList<TreeTestRow>? levelTests, PageRequest page, out string? next)
    {
        var group = Group(http);
        var entries = Paging.Apply(http, Under(roots, group, levelTests), page, (_, _) => null, e => e.Key, out next);
        return (group, entries.Where(e => e.Group is not null).Select(e => e.Group!).ToList(), entries.Where(e => e.Test is not null).Select(e => e.Test!).ToList());
    }

    /// <summary>The open group of the URL (`group=`), "" for the top.</summary>
    public static string Group(HttpContext http) => QueryValues.Optional(http.Request.Query, "group") ?? "";

    /// <summary>The entries under <paramref name="group"/> ("" for the top), or none when no test sits under it.</summary>
    public static IReadOnlyList<Entry> Under(IReadOnlyList<TestPathNode> roots, string group, IReadOnlyList<TreeTestRow>? levelTests = null)
    {
        IReadOnlyList<TestPathNode> children = roots;
        IReadOnlyList<TreeTestRow> tests = [];
        if (group.Length > 0)
        {
            TestPathNode? node = null;
            foreach (var segment in group.Split('.'))
            {
                node = children.FirstOrDefault(c => c.Name == segment);
                if (node is null)
                {
                    return [];
                }

                children = node.Children;
            }

            tests = levelTests ?? node!.Tests;
        }

        return [.. children.Select(c => new Entry("0" + c.Name, c, null)), .. tests.Select(t => new Entry("1" + t.Path + "\n" + t.Id, null, t))];
    }

    /// <summary>A sub-group or a test; <see cref="Key"/> orders groups before tests and is the paging cursor's id.</summary>
    public sealed record Entry(string Key, TestPathNode? Group, TreeTestRow? Test);
}
