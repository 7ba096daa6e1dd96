using KernelCI.Dashboard.Web.Live;
using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Trees;

/// <summary>A commit's page: its header, the counts on each tab's label and the open tab's content (one of the tabs
/// is set). <see cref="Message"/> says why a tab is empty (upstream's "No builds available…").</summary>
public sealed record TreeDetailsView(PageLink Link, string TreeName, string Branch, string Commit, string? CommitName,
    IReadOnlyList<string> Tags, string? GitUrl, string Origin, string? StartTime, string Tab, StatusTally Builds, StatusTally Boots,
    StatusTally Tests, IReadOnlyList<(string Key, string Value)> Filters, string Command, string? Message, TreeBuildsTab? BuildsTab,
    TreeTestsTab? TestsTab)
{
    /// <summary>The page's live stream (docs/dashboard.md, "Live results").</summary>
    public LiveLink? Live { get; init; }
    /// <summary>The commit history chart of the open tab (<see cref="CommitHistoryReader"/>).</summary>
    public CommitHistory History { get; init; } = CommitHistory.Empty;
}
