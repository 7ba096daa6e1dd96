using KernelCI.ServiceDefaults.Labs;

namespace KernelCI.Pipeline.Labs;

/// <summary>A lab's answer as cached: its health and, when it answered, its devices.</summary>
internal sealed record LabDevices(LabHealth Health, IReadOnlyList<LabDevice> Devices);
