namespace KernelCI.Kcidb.Submissions;

public sealed record SubmitterIdentity(string Origin, bool Admin);
