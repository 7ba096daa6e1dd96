using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Issues;

/// <summary>An issue version's page: its facts, where it was first and last seen, the trees it reached, and one page
/// of the builds or tests (`tab`) it was seen in.</summary>
public sealed record IssueDetailsView(PageLink Link, string Id, long Version, long LatestVersion, string? Comment, string Origin, string Culprit,
    string? ReportUrl, string? ReportSubject, IReadOnlyList<string> Categories, string? FieldTimestamp, string? FirstSeen, string? FirstTree,
    string? FirstTreeUrl, string? LastSeen, IReadOnlyList<string> Trees, IReadOnlyList<string> Tags, string Tab, int BuildCount, int TestCount,
    IReadOnlyList<IssueBuildRow> Builds, IReadOnlyList<IssueTestRow> Tests, int Limit, string? NextCursor, string Command);
