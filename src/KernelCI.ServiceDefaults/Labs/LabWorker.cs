namespace KernelCI.ServiceDefaults.Labs;

/// <summary>A worker of a pull lab: its name, when it last asked for a job, renewed a lease or reported a result,
/// and how many jobs it holds now.</summary>
public sealed record LabWorker(string Name, DateTimeOffset LastSeen, int Jobs);
