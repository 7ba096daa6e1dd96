namespace KernelCI.Dashboard.Web.TestResults;

/// <summary>One run in a test's status history strip: its status, the commit it ran on, and whether it is the test
/// whose page this is.</summary>
public sealed record HistoryCell(string Id, string Url, string Status, string? Commit, string? StartTime, bool IsCurrent)
{
    /// <summary>The status's group, for its colour (upstream's three: dashboard.md §2.3).</summary>
    public string Group => Status switch
    {
        "PASS" => "pass",
        "FAIL" => "fail",
        _ => "inconclusive",
    };

    public string Symbol => Status switch
    {
        "PASS" => "✓",
        "FAIL" => "✗",
        _ => "?",
    };
}
