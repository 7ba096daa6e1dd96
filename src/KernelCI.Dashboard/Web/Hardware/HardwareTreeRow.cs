using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Hardware;

/// <summary>A tree whose latest checkout in the window ran on the hardware (upstream's tree selector:
/// kernelci/dashboard:dashboard/src/pages/hardwareDetails/HardwareDetailsHeaderTable.tsx): its index in the URL's
/// `treeIndexes`, whether it is shown, and its own counts (null when none of its rows are shown).</summary>
public sealed record HardwareTreeRow(string Index, string? TreeName, string? Branch, string? GitUrl, string? CommitHash, string? CommitName,
    IReadOnlyList<string> Tags, bool Selected, StatusTally? Builds, StatusTally? Boots, StatusTally? Tests, string? TreeUrl);
