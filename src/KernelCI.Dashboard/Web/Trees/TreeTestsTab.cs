using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Trees;

/// <summary>The boots or tests tab: donut, platforms, issues and one page of the path hierarchy's top groups.</summary>
public sealed record TreeTestsTab(string Kind, StatusBreakdown Counts, IReadOnlyList<NamedCount> Platforms, IReadOnlyList<IssueCount> Issues,
    string StatusFilter, int Limit, string? NextCursor, int Matching, IReadOnlyList<TestPathNode> Groups);
