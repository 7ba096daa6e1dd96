using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Trees.Summary;

/// <summary>Builds per status, and per origin, architecture (with its compilers), config and lab (misc.lab).</summary>
internal sealed class BuildSummary
{
    public StatusCounts Status { get; } = new();

    public SortedDictionary<string, StatusCounts> Origins { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, BuildArchitecture> Architectures { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, StatusCounts> Configs { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, StatusCounts> Labs { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<IssueSummary> Issues { get; set; } = [];

    public long UnknownIssues { get; set; }
}
