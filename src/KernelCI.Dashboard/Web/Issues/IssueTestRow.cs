namespace KernelCI.Dashboard.Web.Issues;

/// <summary>A boot or test an issue was seen in (upstream: kernelci/dashboard:dashboard/src/components/IssueDetails/IssueDetailsTestSection.tsx).</summary>
public sealed record IssueTestRow(string Id, string? Path, string Status, string? Platform, string? StartTime, string? Tree, string Url);
