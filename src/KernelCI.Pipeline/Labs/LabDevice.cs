namespace KernelCI.Pipeline.Labs;

/// <summary>A device as the lab reports it: LAVA's hostname, device_type and health (Good, Bad, Maintenance, Unknown,
/// Looping, Retired).</summary>
public sealed record LabDevice(string Hostname, string DeviceType, string Health);
