namespace KernelCI.Dashboard.Metrics;

/// <summary>One lab's work in a window (upstream's LabMetricsData): the builds its tests ran on, its boots, its other
/// tests.</summary>
internal sealed record LabCounts(long Builds, long Boots, long Tests);
