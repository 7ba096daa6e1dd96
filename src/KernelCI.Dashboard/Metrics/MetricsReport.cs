namespace KernelCI.Dashboard.Metrics;

/// <summary>GET metrics/'s answer (kernelci/dashboard: backend/kernelCI_app/typeModels/metrics.py, MetricsResponse):
/// the window's totals, build incidents and top and new issues per incident origin, tests per lab, and the previous
/// window of the same length for comparison.</summary>
internal sealed record MetricsReport(
    long NTrees, long NCheckouts, long NBuilds, long NTests, long NIssues, long NIncidents,
    SortedDictionary<string, BuildIncidents> BuildIncidentsByOrigin,
    SortedDictionary<string, List<TopIssue>> TopIssuesByOrigin,
    SortedDictionary<string, List<TopIssue>> NewIssuesByOrigin,
    SortedDictionary<string, LabCounts> LabMaps,
    long PrevNTrees, long PrevNCheckouts, long PrevNBuilds, long PrevNTests,
    SortedDictionary<string, LabCounts> PrevLabMaps);
