namespace KernelCI.ServiceDefaults.Labs;

/// <summary>One lab (a runtime entry of lab_type lava or pull_labs): whether it answered (a pull lab: whether a worker
/// was seen lately), its device types and, for a pull lab, its <paramref name="Workers"/>.</summary>
public sealed record LabReport(string Name, string LabType, LabHealth Health, IReadOnlyList<DeviceTypeReport> DeviceTypes,
    IReadOnlyList<LabWorker>? Workers = null);
