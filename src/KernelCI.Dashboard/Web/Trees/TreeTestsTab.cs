using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Trees;

/// <summary>The boots or tests tab: donut, platforms, issues, and one page of the path hierarchy at the open group
/// (<see cref="Group"/>, "" for the top): its sub-groups with their counts, then the tests whose path ends there.</summary>
public sealed record TreeTestsTab(string Kind, StatusBreakdown Counts, IReadOnlyList<NamedCount> Platforms, IReadOnlyList<IssueCount> Issues,
    string StatusFilter, int Limit, string? NextCursor, int Matching, string Group, IReadOnlyList<TestPathNode> Groups, IReadOnlyList<TreeTestRow> Tests);
