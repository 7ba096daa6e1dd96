namespace KernelCI.ServiceDefaults.Labs;

/// <summary>One device type of a lab: our job nodes waiting for it (<paramref name="Queued"/>) and running on it, its
/// devices by health (null when the lab did not report them) and the measured time from submission to result.</summary>
public sealed record DeviceTypeReport(string Name, int Queued, int Running, IReadOnlyDictionary<string, int>? Devices,
    JobLatency? SubmissionToResult);
