namespace KernelCI.Kcidb.Spool;

public sealed record SpooledFile(string Id, string Path, SubmissionMeta Meta, long Length);
