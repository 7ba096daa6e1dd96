namespace KernelCI.Kcidb.Spool;

/// <summary>Where a submission is, told by which spool folder holds its file (upstream's words).</summary>
public enum SubmissionStatus
{
    NotFound,
    InProgress,
    Ready,
    Processed,
    Failed,
}
