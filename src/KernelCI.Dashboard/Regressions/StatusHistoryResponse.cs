namespace KernelCI.Dashboard.Regressions;

internal sealed record StatusHistoryResponse(IReadOnlyList<StatusHistoryItem> StatusHistory, string RegressionType);
