namespace KernelCI.Dashboard.Issues;

/// <summary>What issue/extras/ and issue/{id}'s `extra` say about one issue id (upstream's ExtraIssuesData): first and
/// last incident over every version, and per asked version its trees and tags (null: no such version).</summary>
internal sealed record IssueExtra(Incident FirstIncident, Incident LastIncident, SortedDictionary<long, IssueVersionTrees?> Versions);
