namespace KernelCI.Notifications.Checkouts;

/// <summary>A Maestro checkout node that reached `done`: every job under it done, or its timeout past
/// (docs/pipeline/services.md, "timeout, holdoff, closing"). <paramref name="Seq"/> is the event's number in Maestro's log.</summary>
internal sealed record CompletedCheckout(long Seq, string NodeId, string Tree, string Branch, string Commit, string? RepositoryUrl, string? Result,
    bool TimedOut);
