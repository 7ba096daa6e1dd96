namespace KernelCI.Dashboard.Filters;

/// <summary>One incident of a row: the issue it links to (null id: none) and, for a build's row, the incident's test
/// (an incident on a test of the build is not the build's own issue).</summary>
internal sealed record IssueRef(string? Id, long? Version, string? IncidentTestId);
