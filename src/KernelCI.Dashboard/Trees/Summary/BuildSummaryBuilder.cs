using KernelCI.Dashboard.Filters;
using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Trees.Summary;

/// <summary>The builds part of a tree summary, as upstream's _sanitize_builds_rows (kernelci/dashboard:backend/kernelCI_app/views/treeDetailsSummaryView.py):
/// the filter values come from every row, the counts from the builds that pass the filters, dummy builds left out.</summary>
internal sealed class BuildSummaryBuilder(FilterSet filters)
{
    private readonly HashSet<string> _processed = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, long), IssueSummary> _issues = [];
    private readonly HashSet<(string, long)> _unfilteredIssues = [];
    private readonly SortedSet<string> _origins = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _labs = new(StringComparer.Ordinal);
    private bool _hasUnknownIssue;

    public BuildSummary Summary { get; } = new();

    public SortedSet<string> Configs { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Architectures { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Compilers { get; } = new(StringComparer.Ordinal);

    /// <summary>The builds that passed, once each, in row order.</summary>
    public List<BuildRow> Passed { get; } = [];

    public void Add(BuildRow row)
    {
        var architecture = row.Architecture ?? FilterSet.Unknown;
        var compiler = row.Compiler ?? FilterSet.Unknown;
        var config = row.ConfigName ?? FilterSet.Unknown;
        Configs.Add(config);
        Architectures.Add(architecture);
        Compilers.Add(compiler);
        _origins.Add(row.Origin);
        if (row.Lab is { } lab)
        {
            _labs.Add(lab);
        }

        var failing = row.Status is "FAIL" or "NULL";
        if (row.Issue is { Id: { } issueId, Version: { } issueVersion } && failing)
        {
            _unfilteredIssues.Add((issueId, issueVersion));
        }
        else if (row.Status == "FAIL")
        {
            _hasUnknownIssue = true;
        }

        if (!filters.RecordPasses(null, architecture, compiler, config, null) || TestKinds.IsDummyBuild(row.Id)
            || !filters.BuildPasses(row.Status, row.Duration, row.Origin, row.Issue))
        {
            return;
        }

        if (row.Issue is { Id: { } id, Version: { } version } && failing)
        {
            if (!_issues.TryGetValue((id, version), out var issue))
            {
                issue = new IssueSummary(id, version, row.IssueComment, row.IssueReportUrl, new StatusCounts());
                _issues[(id, version)] = issue;
            }

            issue.IncidentsInfo.Add(row.Status);
        }
        else if (!_processed.Contains(row.Id) && row.Status == "FAIL")
        {
            Summary.UnknownIssues++;
        }

        if (_processed.Add(row.Id))
        {
            Passed.Add(row);
            Count(row, architecture, compiler, config);
        }
    }

    public LocalFilters Filters() => new(
        _unfilteredIssues.OrderBy(i => i.Item1, StringComparer.Ordinal).Select(i => new object?[] { i.Item1, i.Item2 }).ToList(),
        [.. _origins], _hasUnknownIssue, [.. _labs]);

    public BuildSummary Finish()
    {
        Summary.Issues = [.. _issues.Values];
        return Summary;
    }

    private void Count(BuildRow row, string architecture, string compiler, string config)
    {
        Summary.Status.Add(row.Status);
        Entry(Summary.Configs, config).Add(row.Status);
        if (!Summary.Architectures.TryGetValue(architecture, out var arch))
        {
            arch = new BuildArchitecture();
            Summary.Architectures[architecture] = arch;
        }

        arch.Add(row.Status, compiler);
        Entry(Summary.Origins, row.Origin).Add(row.Status);
        if (row.Lab is { } lab)
        {
            Entry(Summary.Labs, lab).Add(row.Status);
        }
    }

    internal static StatusCounts Entry(SortedDictionary<string, StatusCounts> map, string key)
    {
        if (!map.TryGetValue(key, out var counts))
        {
            counts = new StatusCounts();
            map[key] = counts;
        }

        return counts;
    }
}
