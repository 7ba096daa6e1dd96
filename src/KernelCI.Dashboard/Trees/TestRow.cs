using KernelCI.Dashboard.Filters;

namespace KernelCI.Dashboard.Trees;

/// <summary>A test (or boot) of a checkout with its build's columns and one of its incidents (null: none). The JSON
/// columns come as the few values read from them, taken out by the database: <see cref="Platform"/> and
/// <see cref="Runtime"/> when they are JSON strings, and <see cref="EnvironmentMisc"/>, environment_misc's text when
/// it is an object and the caller asked for it (full_environment_misc).</summary>
internal sealed record TestRow(string Id, string Origin, string? Path, string Status, double? Duration, DateTimeOffset? StartTime,
    string? LogUrl, string[]? Compatibles, string? Platform, string? Runtime, string? EnvironmentMisc, string BuildId, string? Architecture,
    string? Compiler, string? ConfigName, string? BuildMiscPlatform, string BuildStatus, IssueRef? Issue, string? IssueComment,
    string? IssueReportUrl)
{
    public bool IsBoot => Statuses.TestKinds.IsBoot(Path);

    /// <summary>misc.runtime, or "Unknown".</summary>
    public string Lab => Runtime ?? FilterSet.Unknown;

    /// <summary>The one hardware name upstream filters a test on: its first compatible, else its platform, else its
    /// build's (kernelci/dashboard:backend/kernelCI_app/helpers/treeDetails.py, call_based_on_compatible_and_misc_platform).</summary>
    public string? HardwareKey => Compatibles is { Length: > 0 } ? Compatibles[0] : Platform ?? BuildMiscPlatform;

    public TestFact ToFact() => new(IsBoot, Origin, Path ?? FilterSet.Unknown, Platform ?? FilterSet.Unknown, Compatibles, Lab, Status,
        Architecture ?? FilterSet.Unknown, Compiler ?? FilterSet.Unknown, ConfigName ?? FilterSet.Unknown, Duration, 1, HardwareKey ?? FilterSet.Unknown);
}
