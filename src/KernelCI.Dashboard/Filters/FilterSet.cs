namespace KernelCI.Dashboard.Filters;

/// <summary>The `filter_*` parameters of one request, parsed (dashboard.md §1.2; upstream's FilterParams in
/// kernelci/dashboard: backend/kernelCI_app/helpers/filters.py): OR within a field, AND across fields. Empty sets and
/// null bounds mean "not filtered". Statuses are upper-case KCIDB statuses or <c>NULL</c>.</summary>
internal sealed class FilterSet
{
    public static FilterSet None { get; } = new();

    public HashSet<string> BuildStatus { get; } = new(StringComparer.Ordinal);

    public HashSet<string> BootStatus { get; } = new(StringComparer.Ordinal);

    public HashSet<string> TestStatus { get; } = new(StringComparer.Ordinal);

    public DurationRange BuildDuration { get; set; } = DurationRange.Any;

    public DurationRange BootDuration { get; set; } = DurationRange.Any;

    public DurationRange TestDuration { get; set; } = DurationRange.Any;

    public HashSet<string> ConfigNames { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Compilers { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Architectures { get; } = new(StringComparer.Ordinal);

    /// <summary>`test.hardware`: a platform or a compatible.</summary>
    public HashSet<string> Hardware { get; } = new(StringComparer.Ordinal);

    /// <summary>`test.lab`: misc.runtime.</summary>
    public HashSet<string> Labs { get; } = new(StringComparer.Ordinal);

    /// <summary>Substring of the path (upstream's `like` on boot.path and test.path is `in`).</summary>
    public string BootPath { get; set; } = "";

    public string TestPath { get; set; } = "";

    public HashSet<string> BootPlatforms { get; } = new(StringComparer.Ordinal);

    public HashSet<string> TestPlatforms { get; } = new(StringComparer.Ordinal);

    public IssueFilter BuildIssues { get; } = new();

    public IssueFilter BootIssues { get; } = new();

    public IssueFilter TestIssues { get; } = new();

    public HashSet<string> Origins { get; } = new(StringComparer.Ordinal);

    public HashSet<string> BuildOrigins { get; } = new(StringComparer.Ordinal);

    public HashSet<string> BootOrigins { get; } = new(StringComparer.Ordinal);

    public HashSet<string> TestOrigins { get; } = new(StringComparer.Ordinal);

    /// <summary>Issue listing: `issue.culprit` (code, harness, tool).</summary>
    public HashSet<string> IssueCulprits { get; } = new(StringComparer.Ordinal);

    public HashSet<string> IssueCategories { get; } = new(StringComparer.Ordinal);

    /// <summary>Issue listing: `issue.options` (hasIncident).</summary>
    public HashSet<string> IssueOptions { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether a build, boot or test filter other than the global ones is set: then the aggregates, which do not
    /// keep every dimension, cannot answer and the rows are read.</summary>
    public bool HasPathFilter => BootPath.Length > 0 || TestPath.Length > 0;

    /// <summary>The global filters of a build, boot or test row (upstream's is_record_filtered_out). A record without
    /// a value compares as "unknown"; <paramref name="hardware"/> is its platform and compatibles.</summary>
    public bool RecordPasses(IEnumerable<string>? hardware, string? architecture, string? compiler, string? configName, string? lab) =>
        (Hardware.Count == 0 || (hardware ?? [Unknown]).Any(Hardware.Contains))
        && In(Architectures, architecture)
        && In(Compilers, compiler)
        && In(ConfigNames, configName)
        && In(Labs, lab);

    public bool BuildPasses(string status, double? duration, string? origin, IssueRef? issue) =>
        (BuildStatus.Count == 0 || BuildStatus.Contains(status))
        && BuildDuration.Contains(duration)
        && (BuildOrigins.Count == 0 || (origin is not null && BuildOrigins.Contains(origin)))
        && BuildIssues.PassesBuild(issue, status);

    public bool BootPasses(string? path, string status, double? duration, string? platform, string? origin, IssueRef? issue) =>
        TestLikePasses(BootPath, BootStatus, BootDuration, BootPlatforms, BootOrigins, BootIssues, path, status, duration, platform, origin, issue);

    public bool TestPasses(string? path, string status, double? duration, string? platform, string? origin, IssueRef? issue) =>
        TestLikePasses(TestPath, TestStatus, TestDuration, TestPlatforms, TestOrigins, TestIssues, path, status, duration, platform, origin, issue);

    public const string Unknown = "Unknown";

    private static bool In(HashSet<string> set, string? value) => set.Count == 0 || set.Contains(value ?? Unknown);

    private static bool TestLikePasses(string pathPart, HashSet<string> statuses, DurationRange range, HashSet<string> platforms,
        HashSet<string> origins, IssueFilter issues, string? path, string status, double? duration, string? platform, string? origin, IssueRef? issue) =>
        (pathPart.Length == 0 || (path ?? "").Contains(pathPart, StringComparison.Ordinal))
        && (statuses.Count == 0 || statuses.Contains(status))
        && range.Contains(duration)
        && (platforms.Count == 0 || (platform is not null && platforms.Contains(platform)))
        && (origins.Count == 0 || (origin is not null && origins.Contains(origin)))
        && issues.PassesTest(issue, status);
}
