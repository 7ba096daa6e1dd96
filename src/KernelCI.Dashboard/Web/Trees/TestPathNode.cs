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

    /// <summary>How many tests end at this group (not below it).</summary>
    public long Here { get; private set; }

    public List<TestPathNode> Children { get; } = [];

    /// <summary>The tests that end here, when the hierarchy was built from test rows; empty when built from counts.</summary>
    public List<TreeTestRow> Tests { get; } = [];

    internal void Count(string status, long tests)
    {
        Here += tests;
        Tally = status switch
        {
            "PASS" => Tally with { Pass = Tally.Pass + tests },
            "FAIL" => Tally with { Fail = Tally.Fail + tests },
            _ => Tally with { Inconclusive = Tally.Inconclusive + tests },
        };
    }
}
