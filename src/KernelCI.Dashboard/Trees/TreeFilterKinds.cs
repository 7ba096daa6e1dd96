using KernelCI.Dashboard.Filters;

namespace KernelCI.Dashboard.Trees;

/// <summary>What a request's filters need. The aggregates keep a test's first path segment and no issue or duration,
/// so a boot/test path, issue or duration filter is answered from the checkout's test rows instead, as upstream falls
/// back from its rollup on a path filter (kernelci/dashboard:backend/kernelCI_app/views/treeDetailsSummaryView.py, _should_fallback_to_legacy_tests).</summary>
internal static class TreeFilterKinds
{
    public static bool NeedsTestRows(FilterSet filters) =>
        filters.HasPathFilter
        || filters.BootDuration != DurationRange.Any || filters.TestDuration != DurationRange.Any
        || !filters.BootIssues.IsEmpty || !filters.TestIssues.IsEmpty;

    public static bool IsEmpty(FilterSet filters) =>
        !NeedsTestRows(filters)
        && filters.BuildStatus.Count == 0 && filters.BootStatus.Count == 0 && filters.TestStatus.Count == 0
        && filters.BuildDuration == DurationRange.Any && filters.BuildIssues.IsEmpty
        && filters.ConfigNames.Count == 0 && filters.Compilers.Count == 0 && filters.Architectures.Count == 0
        && filters.Hardware.Count == 0 && filters.Labs.Count == 0
        && filters.BootPlatforms.Count == 0 && filters.TestPlatforms.Count == 0
        && filters.BuildOrigins.Count == 0 && filters.BootOrigins.Count == 0 && filters.TestOrigins.Count == 0;
}
