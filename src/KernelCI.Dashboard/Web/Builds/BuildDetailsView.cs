using KernelCI.Dashboard.Web.Shared;
using KernelCI.Dashboard.Web.Trees;

namespace KernelCI.Dashboard.Web.Builds;

/// <summary>A build's page: what upstream's build details show (kernelci/dashboard:
/// dashboard/src/components/BuildDetails/BuildDetails.tsx), its files, its tests and its issues.</summary>
public sealed record BuildDetailsView(
    PageLink Link, string Id, string Title, string Status, BuildCheckout Checkout, string? Config, string? Architecture,
    string? Compiler, string? StartTime, string? Duration, string? Origin, string? Lab, string? BuildCommand, string? Comment,
    IReadOnlyList<ArtifactLink> KeyArtifacts, IReadOnlyList<ArtifactLink> InputFiles, IReadOnlyList<ArtifactLink> OutputFiles,
    string? LogExcerpt, string? Misc, BuildTestsTable Tests, IReadOnlyList<IssueCount> Issues, string KciDev);
