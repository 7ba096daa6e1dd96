namespace KernelCI.Dashboard.Trees.Summary;

internal sealed class SummaryParts(BuildSummaryBuilder builds, TestSummaryBuilder boots, TestSummaryBuilder tests)
{
    public BuildSummaryBuilder Builds { get; } = builds;

    public TestSummaryBuilder Boots { get; } = boots;

    public TestSummaryBuilder Tests { get; } = tests;

    public SortedSet<string> Hardware { get; } = new(StringComparer.Ordinal);

    public bool HasTests { get; set; }
}
