using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Trees;

/// <summary>The builds tab: its donut, cards and one page of the builds table.</summary>
public sealed record TreeBuildsTab(StatusBreakdown Counts, IReadOnlyList<ArchitectureCount> Architectures, IReadOnlyList<NamedCount> Configs,
    IReadOnlyList<IssueCount> Issues, long UnknownIssues, string StatusFilter, int Limit, string? NextCursor, int Matching,
    IReadOnlyList<TreeBuildRow> Rows);
