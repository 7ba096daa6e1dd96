namespace KernelCI.Dashboard.Regressions;

/// <summary>A run as tree-report lists it under a test (upstream's RegressionHistoryItem,
/// kernelci/dashboard:backend/kernelCI_app/typeModels/treeReport.py).</summary>
internal sealed record RegressionRun(string Id, string? StartTime, string? Status);
