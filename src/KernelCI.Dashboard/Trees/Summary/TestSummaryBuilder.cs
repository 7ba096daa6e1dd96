using KernelCI.Dashboard.Filters;
using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Trees.Summary;

/// <summary>The boots or tests part of a tree summary, as upstream's rollup helpers (kernelci/dashboard:backend/kernelCI_app/helpers/treeDetailsRollup.py):
/// counts per status and dimension from <see cref="TestFact"/>s that pass the filters, issues from incidents.</summary>
internal sealed class TestSummaryBuilder(FilterSet filters, bool boots)
{
    private readonly Dictionary<(string, long), IssueSummary> _issues = [];
    private readonly HashSet<(string, long)> _unfilteredIssues = [];
    private readonly Dictionary<(string, string), ArchSummaryItem> _architectures = [];
    private readonly SortedSet<string> _origins = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _labs = new(StringComparer.Ordinal);
    private long _unfilteredFailures;
    private long _unfilteredFailuresWithIssue;
    private long _failuresWithIssue;

    public TestSummary Summary { get; } = new();

    public bool Passes(TestFact fact, IssueRef? issue) =>
        filters.RecordPasses([fact.HardwareKey], fact.Architecture, fact.Compiler, fact.Config, fact.Lab)
        && (boots
            ? filters.BootPasses(fact.Path, fact.Status, fact.Duration, fact.Platform, fact.Origin, issue)
            : filters.TestPasses(fact.Path, fact.Status, fact.Duration, fact.Platform, fact.Origin, issue));

    /// <summary>A fact for the filter values only (every fact, filtered or not).</summary>
    public void Offer(TestFact fact)
    {
        _origins.Add(fact.Origin);
        _labs.Add(fact.Lab);
        if (fact.Status == "FAIL")
        {
            _unfilteredFailures += fact.Count;
        }
    }

    /// <summary>An incident of a test, for the filter values; <paramref name="firstOfFailedTest"/> counts a failed
    /// test with an issue once.</summary>
    public void OfferIssue(IssueRef issue, bool firstOfFailedTest)
    {
        _unfilteredIssues.Add((issue.Id!, issue.Version!.Value));
        if (firstOfFailedTest)
        {
            _unfilteredFailuresWithIssue++;
        }
    }

    public void Count(TestFact fact)
    {
        var n = fact.Count;
        Summary.Status.Add(fact.Status, n);
        BuildSummaryBuilder.Entry(Summary.Origins, fact.Origin).Add(fact.Status, n);
        if (!_architectures.TryGetValue((fact.Architecture, fact.Compiler), out var arch))
        {
            arch = new ArchSummaryItem(fact.Architecture, fact.Compiler, new StatusCounts());
            _architectures[(fact.Architecture, fact.Compiler)] = arch;
            Summary.Architectures.Add(arch);
        }

        arch.Status.Add(fact.Status, n);
        BuildSummaryBuilder.Entry(Summary.Configs, fact.Config).Add(fact.Status, n);
        BuildSummaryBuilder.Entry(Summary.Labs, fact.Lab).Add(fact.Status, n);
        var byHardware = fact.HardwareKey != FilterSet.Unknown && fact.HardwareKey != fact.Platform
            ? Summary.EnvironmentCompatible
            : Summary.EnvironmentMisc;
        var key = byHardware == Summary.EnvironmentCompatible ? fact.HardwareKey : fact.Platform;
        if (!byHardware.TryGetValue(key, out var statuses))
        {
            statuses = new SortedDictionary<string, long>(StringComparer.Ordinal);
            byHardware[key] = statuses;
        }

        statuses[fact.Status] = statuses.GetValueOrDefault(fact.Status) + n;
        if (fact.Status is "FAIL" or "ERROR" or "MISS")
        {
            Summary.FailedPlatforms.Add(fact.Platform);
        }

        if (fact.Status == "FAIL")
        {
            Summary.UnknownIssues += n;
        }
    }

    /// <summary>An incident of a counted test; <paramref name="firstOfFailedTest"/> as in <see cref="OfferIssue"/>.</summary>
    public void CountIssue(IssueRef issue, string status, string? comment, string? reportUrl, bool firstOfFailedTest)
    {
        var key = (issue.Id!, issue.Version!.Value);
        if (!_issues.TryGetValue(key, out var summary))
        {
            summary = new IssueSummary(key.Item1, key.Item2, comment, reportUrl, new StatusCounts());
            _issues[key] = summary;
        }

        // Upstream's rollup counts an issue's incidents on failures only (ERROR, FAIL, MISS).
        if (status is "FAIL" or "ERROR" or "MISS")
        {
            summary.IncidentsInfo.Add(status);
        }

        if (firstOfFailedTest)
        {
            _failuresWithIssue++;
        }
    }

    public LocalFilters Filters() => new(
        _unfilteredIssues.OrderBy(i => i.Item1, StringComparer.Ordinal).Select(i => new object?[] { i.Item1, i.Item2 }).ToList(),
        [.. _origins], _unfilteredFailures > _unfilteredFailuresWithIssue, [.. _labs]);

    public TestSummary Finish()
    {
        Summary.Issues = [.. _issues.Values];
        // A failed test is of an unknown issue when none of its incidents was counted.
        Summary.UnknownIssues = Math.Max(0, Summary.UnknownIssues - _failuresWithIssue);
        return Summary;
    }
}
