using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Hardware;

/// <summary>One hardware tested at one revision, with every raw status counted (kernelci/dashboard:
/// backend/kernelCI_app/typeModels/hardwareListing.py, HardwareItem).</summary>
internal sealed record HardwareRevisionItem(
    string Platform, string[]? Hardware, StatusCounts BuildStatusSummary, StatusCounts BootStatusSummary, StatusCounts TestStatusSummary);
