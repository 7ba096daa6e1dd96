using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Hardware;

/// <summary>One hardware of the listing: its platform, the compatibles its tests name, and its grouped counts
/// (upstream's columns: kernelci/dashboard:dashboard/src/pages/Hardware/HardwareTable.tsx).</summary>
public sealed record HardwareListingRow(string Platform, IReadOnlyList<string> Compatibles, StatusTally Builds, StatusTally Boots, StatusTally Tests,
    string DetailsUrl);
