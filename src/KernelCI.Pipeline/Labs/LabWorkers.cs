using KernelCI.ServiceDefaults.Labs;

namespace KernelCI.Pipeline.Labs;

/// <summary>A pulling lab as the pipeline saw it: its health (<see cref="LabHealth.Online"/> or
/// <see cref="LabHealth.Offline"/>), its workers, and the job nodes held under a running claim (counted as running,
/// not queued, in the lab view).</summary>
public sealed record LabWorkers(LabHealth Health, IReadOnlyList<LabWorker> Workers, IReadOnlySet<string> Claimed);
