using KernelCI.Dashboard.Web.Builds;
using KernelCI.Dashboard.Web.Trees;

namespace KernelCI.Dashboard.Web.TestResults;

/// <summary>A test's page: what upstream's test details show (kernelci/dashboard:
/// dashboard/src/components/TestDetails/TestDetails.tsx), its files, issues and status history.</summary>
public sealed record TestDetailsView(
    string Id, string Title, string Status, string BuildId, string BuildUrl, string? BuildLabel, BuildCheckout Checkout,
    string? Platform, string? HardwareUrl, IReadOnlyList<string> Compatibles, string? Architecture, string? Compiler, string? Config,
    string? TestOrigin, string? Lab, string? Runtime, string? StartTime, string? Duration, string? EnvironmentMisc, string? Misc,
    IReadOnlyList<ArtifactLink> Logs, IReadOnlyList<ArtifactLink> InputFiles, IReadOnlyList<ArtifactLink> OutputFiles, string? LogExcerpt,
    IReadOnlyList<IssueCount> Issues, StatusHistoryView History, string KciDev);
