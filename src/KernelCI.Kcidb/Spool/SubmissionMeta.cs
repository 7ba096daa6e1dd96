namespace KernelCI.Kcidb.Spool;

/// <summary>Written beside each spooled body: who sent it and when, so ingestion can check ownership and keep order.</summary>
public sealed record SubmissionMeta(string Origin, bool Admin, long ReceivedTicks);
