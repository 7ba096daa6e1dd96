namespace KernelCI.Dashboard.Filters;

/// <summary>`{build,boot,test}.issue` values: `"id,version"` pairs, or `Uncategorized` for failures without an issue.
/// The rules are upstream's should_filter_build_issue / should_filter_test_issue (helpers/filters.py).</summary>
internal sealed class IssueFilter
{
    public const string Uncategorized = "Uncategorized";

    private readonly HashSet<(string Id, long? Version)> _issues = [];

    public bool IsEmpty => _issues.Count == 0;

    public void Add(string id, long? version) => _issues.Add((id, version));

    /// <summary>A test without an incident is "Uncategorized" only when it failed; any other test without one matches
    /// no issue filter (upstream's assign_default_record_values, helpers/hardwareDetails.py and treeDetails.py).</summary>
    public bool PassesTest(IssueRef? issue, string status)
    {
        if (IsEmpty)
        {
            return true;
        }

        if (issue?.Id is null && status != "FAIL")
        {
            return false;
        }

        var id = issue?.Id;
        var version = issue?.Version;
        var known = id is not null && version is not null && id != Uncategorized;
        // An incident that names the build only (no test) is not the test's: the test counts as uncategorized.
        var buildOnly = known && issue!.IncidentTestId is null;
        if (buildOnly && _issues.Contains((Uncategorized, null)))
        {
            return true;
        }

        return Matches(buildOnly || !known ? Uncategorized : id!, version);
    }

    public bool PassesBuild(IssueRef? issue, string buildStatus)
    {
        if (IsEmpty)
        {
            return true;
        }

        if (buildStatus is not ("FAIL" or "NULL"))
        {
            return false;
        }

        var id = issue?.Id;
        var version = issue?.Version;
        var known = id is not null && version is not null && id != Uncategorized;
        var testOnly = known && issue!.IncidentTestId is not null;
        if (testOnly && _issues.Contains((Uncategorized, null)))
        {
            return true;
        }

        return Matches(testOnly || !known ? Uncategorized : id!, version);
    }

    private bool Matches(string id, long? version) =>
        id == Uncategorized ? _issues.Any(i => i.Id == Uncategorized) : _issues.Contains((id, version));
}
