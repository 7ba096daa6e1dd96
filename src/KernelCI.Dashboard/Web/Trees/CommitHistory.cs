namespace KernelCI.Dashboard.Web.Trees;

/// <summary>The commit history chart's data: the open tab's kind ("Builds", "Boots", "Tests"), the commits oldest
/// first, and the compare page of the shown commit against the one before it (null without an earlier commit).</summary>
public sealed record CommitHistory(string Kind, IReadOnlyList<CommitHistoryPoint> Points, string? CompareUrl)
{
    public static CommitHistory Empty { get; } = new("Builds", [], null);
}
