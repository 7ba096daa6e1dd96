using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Trees;

/// <summary>A group of the tests hierarchy: a path prefix (`kselftest.timers`), its counts over everything below it,
/// its sub-groups and the tests whose path ends here (upstream splits paths on dots the same way:
/// kernelci/dashboard:dashboard/src/components/TestsTable/buildTestsTree.ts).</summary>
public sealed class TestPathNode(string name, string path)
{
    public string Name { get; } = name;

    public string Path { get; } = path;

    public StatusTally Tally { get; internal set; } = StatusTally.Empty;

    public List<TestPathNode> Children { get; } = [];

    public List<TreeTestRow> Tests { get; } = [];
}
