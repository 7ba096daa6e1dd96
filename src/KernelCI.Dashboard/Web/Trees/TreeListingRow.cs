using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Trees;

/// <summary>One tree of the listing: its newest checkout in the window and that checkout's grouped counts.</summary>
public sealed record TreeListingRow(string? TreeName, string? Branch, string? GitUrl, string? CommitHash, string? CommitName,
    IReadOnlyList<string> Tags, string? StartTime, StatusTally Builds, StatusTally Boots, StatusTally Tests, string? DetailsUrl);
