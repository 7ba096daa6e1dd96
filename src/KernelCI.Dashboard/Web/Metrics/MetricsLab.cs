namespace KernelCI.Dashboard.Web.Metrics;

/// <summary>One lab's builds, boots and tests in the period and its tests the period before; new when it has no
/// counts before, gone when it has none now (upstream's getLabActivity, kernelci/dashboard:dashboard/src/pages/Metrics/MetricsPage.tsx).</summary>
public sealed record MetricsLab(string Name, long Builds, long Boots, long Tests, long PreviousTests, bool IsNew, bool IsGone);
