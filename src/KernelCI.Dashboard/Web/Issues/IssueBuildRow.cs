namespace KernelCI.Dashboard.Web.Issues;

/// <summary>A build an issue was seen in (upstream: kernelci/dashboard:dashboard/src/components/IssueDetails/IssueDetailsBuildSection.tsx).</summary>
public sealed record IssueBuildRow(string Id, string? Config, string? Architecture, string? Compiler, string Status, string? StartTime, string? Tree,
    string Url);
