namespace KernelCI.Dashboard.Trees.Summary;

internal sealed record DetailsSummary(BuildSummary Builds, TestSummary Boots, TestSummary Tests);
