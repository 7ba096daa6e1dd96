namespace KernelCI.Dashboard.Metrics;

/// <summary>One incident origin's build incidents in the window (upstream's BuildIncidentsCount): new issues are those
/// whose first build incident ever falls in the window.</summary>
internal sealed record BuildIncidents(long TotalIncidents, long NNewIssues, long NExistingIssues, long NTotalIssues);
