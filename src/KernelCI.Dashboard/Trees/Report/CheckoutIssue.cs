namespace KernelCI.Dashboard.Trees.Report;

/// <summary>An issue of a failed build of the reported checkout (upstream's CheckoutIssue,
/// kernelci/dashboard:backend/kernelCI_app/typeModels/issues.py); new when its first incident is on this checkout.</summary>
internal sealed record CheckoutIssue(
    string IssueId,
    string BuildId,
    long Version,
    string Comment,
    string? ReportUrl,
    bool CulpritCode,
    bool CulpritTool,
    bool CulpritHarness,
    string? FirstSeen,
    bool IsNewIssue);
