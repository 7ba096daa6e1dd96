using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Hardware;

/// <summary>One hardware of the listing (kernelci/dashboard: backend/kernelCI_app/typeModels/hardwareListing.py,
/// HardwareListingItem): its platform, its compatibles (null for none) and grouped counts.</summary>
internal sealed record HardwareListingItem(
    string Platform, string[]? Hardware, GroupedStatus BuildStatusSummary, GroupedStatus BootStatusSummary, GroupedStatus TestStatusSummary);
