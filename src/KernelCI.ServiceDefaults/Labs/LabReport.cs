namespace KernelCI.ServiceDefaults.Labs;

/// <summary>One lab (a runtime entry of lab_type lava or pull_labs): whether it answered, and its device types.</summary>
public sealed record LabReport(string Name, string LabType, LabHealth Health, IReadOnlyList<DeviceTypeReport> DeviceTypes);
