namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>One job's claim as stored: who holds it, until when, how many times the job was claimed, and whether
/// the claim has ended (<see cref="EndedBy"/> `result` or `lease`).</summary>
internal sealed record PullClaim(string NodeId, string Lab, string Worker, DateTimeOffset Claimed, DateTimeOffset LeaseUntil, TimeSpan Lease,
    int Claims, DateTimeOffset? Ended, string? EndedBy);
