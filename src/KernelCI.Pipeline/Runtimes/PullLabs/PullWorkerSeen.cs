namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>A worker of a pull lab and when it last asked for a job, renewed a lease or reported a result.</summary>
internal sealed record PullWorkerSeen(string Worker, DateTimeOffset Seen);
