namespace KernelCI.Dashboard.Regressions;

/// <summary>The one place a test's status history is classified: `test/status-history`'s regression_type and
/// tree-report's possible regressions, fixed regressions and unstable tests (and, later, regression tracking and the
/// summary emails). Upstream has two copies of the same rules (kernelci/dashboard:
/// backend/kernelCI_app/views/testStatusHistoryView.py process_test_status_history, and
/// backend/kernelCI_app/management/commands/notifications.py categorize_test_history); docs/dashboard-api.md,
/// "Classification", states them.</summary>
internal static class RegressionClassifier
{
    /// <summary>Classifies the statuses of one test's runs, <b>newest first</b> (raw KCIDB statuses; null, "NULL" and
    /// anything but PASS or FAIL are inconclusive).
    /// <list type="number">
    /// <item>The newest run sets the starting status; if it is inconclusive the history is unstable.</item>
    /// <item>Going back in time, any inconclusive run makes it unstable.</item>
    /// <item>The first run with the opposite status makes a PASS start "fixed" and a FAIL start "regression"; a later
    /// run with the starting status again (a flip back) makes it unstable.</item>
    /// <item>Otherwise it is "pass" or "fail", as the newest run.</item>
    /// </list></summary>
    public static RegressionType Classify(IReadOnlyList<string?> statusesNewestFirst)
    {
        if (statusesNewestFirst.Count == 0)
        {
            throw new ArgumentException("a status history has at least one run", nameof(statusesNewestFirst));
        }

        var starting = statusesNewestFirst[0];
        if (starting is not ("PASS" or "FAIL"))
        {
            return RegressionType.Unstable;
        }

        var result = starting == "PASS" ? RegressionType.Pass : RegressionType.Fail;
        var changed = false;
        for (var i = 1; i < statusesNewestFirst.Count; i++)
        {
            var status = statusesNewestFirst[i];
            if (status is not ("PASS" or "FAIL"))
            {
                return RegressionType.Unstable;
            }

            if (status != starting)
            {
                changed = true;
                result = starting == "PASS" ? RegressionType.Fixed : RegressionType.Regression;
            }
            else if (changed)
            {
                return RegressionType.Unstable;
            }
        }

        return result;
    }

    /// <summary>Classifies runs given oldest first (a chart's order), by reading them backwards.</summary>
    public static RegressionType ClassifyOldestFirst(IReadOnlyList<string?> statusesOldestFirst) =>
        Classify(statusesOldestFirst.Reverse().ToArray());
}
