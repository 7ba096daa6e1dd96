namespace KernelCI.Dashboard.Web.TestResults;

/// <summary>A test's status history (upstream's test/status-history answer): its runs oldest first and the regression
/// type RegressionClassifier gives them (`pass`, `fail`, `fixed`, `regression`, `unstable`). No cells and a
/// <see cref="Message"/> when the test lacks what identifies its history.</summary>
public sealed record StatusHistoryView(IReadOnlyList<HistoryCell> Cells, string? RegressionType, string? Message)
{
    /// <summary>What the regression type means, as upstream's tooltips explain it (kernelci/dashboard:
    /// dashboard/src/locales/messages/index.ts, testDetails.regressionTooltip).</summary>
    public string? Meaning => RegressionType switch
    {
        "pass" => "passed in every run shown",
        "fail" => "failed in every run shown",
        "fixed" => "was failing and passes in the latest runs",
        "regression" => "was passing and fails in the latest runs",
        "unstable" => "has inconclusive results or flips between pass and fail",
        _ => null,
    };
}
