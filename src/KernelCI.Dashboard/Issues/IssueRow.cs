namespace KernelCI.Dashboard.Issues;

/// <summary>One issue version as the listing reads it (kernelci/dashboard: backend/kernelCI_app/queries/issues.py,
/// get_issue_listing_data), with whether any incident names it.</summary>
internal sealed record IssueRow(
    string? FieldTimestamp, string Id, string? Comment, string Origin, long Version,
    bool? CulpritCode, bool? CulpritTool, bool? CulpritHarness, string[]? Categories)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasIncident { get; init; }
}
