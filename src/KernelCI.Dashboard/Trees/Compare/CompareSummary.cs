namespace KernelCI.Dashboard.Trees.Compare;

internal sealed record CompareSummary(CompareEntitySummary Builds, CompareEntitySummary Boots, CompareEntitySummary Tests);
