using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Trees.Summary;

/// <summary>Boots or tests per status and per origin, architecture/compiler, config, lab and hardware (upstream's
/// TestSummary, kernelci/dashboard:backend/kernelCI_app/typeModels/commonDetails.py). `environment_compatible` counts by first compatible, `environment_misc`
/// by platform for tests without compatibles; their inner keys are only the statuses seen, as upstream's.</summary>
internal sealed class TestSummary
{
    public StatusCounts Status { get; } = new();

    public SortedDictionary<string, StatusCounts> Origins { get; } = new(StringComparer.Ordinal);

    public List<ArchSummaryItem> Architectures { get; } = [];

    public SortedDictionary<string, StatusCounts> Configs { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<IssueSummary> Issues { get; set; } = [];

    public long UnknownIssues { get; set; }

    public Dictionary<string, long> FailReasons { get; } = [];

    public SortedSet<string> FailedPlatforms { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, SortedDictionary<string, long>> EnvironmentCompatible { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, SortedDictionary<string, long>> EnvironmentMisc { get; } = new(StringComparer.Ordinal);

    public object? Platforms => null;

    public SortedDictionary<string, StatusCounts> Labs { get; } = new(StringComparer.Ordinal);
}
