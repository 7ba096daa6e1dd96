namespace KernelCI.Kcidb.Submissions;

public sealed record SpooledFile(string Id, string Path, SubmissionMeta Meta, long Length);
