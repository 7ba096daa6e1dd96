using KernelCI.Dashboard.Regressions;
using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Trees.Report;

/// <summary>Upstream's TreeReportResponse (kernelci/dashboard:backend/kernelCI_app/typeModels/treeReport.py), field for
/// field; kci-dev reads every field (kci-dev `results tree-report`).</summary>
internal sealed record TreeReportResponse(
    string DashboardUrl,
    string GitUrl,
    string? GitBranch,
    string CommitHash,
    string Origin,
    string? CheckoutStartTime,
    StatusCounts BuildStatusSummary,
    TestStatusCount BootStatusSummary,
    TestStatusCount TestStatusSummary,
    RegressionGroups PossibleRegressions,
    RegressionGroups FixedRegressions,
    RegressionGroups UnstableTests,
    TreeReportIssues Issues);
