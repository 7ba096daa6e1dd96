using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Hardware;

/// <summary>A test on the hardware at a selected checkout, its build and tree, and the issues its incidents name. The
/// JSON columns come as the values read from them, taken out by the database when they are JSON strings (as in the
/// tree lists, docs/dashboard-api.md): environment_misc.platform, misc.runtime (the lab) and misc.error_msg, and
/// environment_misc's whole text only when the request asks for it (full_environment_misc) and it is an object.</summary>
internal sealed record HardwareTestRow(
    string Id, string Origin, string? Platform, string? Path, string? LogUrl, string Status, string? StartTime,
    double? Duration, string? Lab, string? ErrorMessage, string[]? Compatibles, HardwareBuildRow Build, HardwareTree Tree)
{
    public List<HardwareIncident> Incidents { get; } = [];

    /// <summary>What the row stands for: one test (lists and summary), a count of like tests from dash_build_tests
    /// (summary counts only), or one failing test read for its issues and error message only.</summary>
    public HardwareRowRole Role { get; init; } = HardwareRowRole.Test;

    /// <summary>How many tests the row counts as.</summary>
    public long Weight { get; init; } = 1;

    /// <summary>environment_misc's text when asked for and an object, else null.</summary>
    public string? EnvironmentMisc { get; init; }

    public bool IsBoot => TestKinds.IsBoot(Path);
}
