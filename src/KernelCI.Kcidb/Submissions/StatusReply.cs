namespace KernelCI.Kcidb.Submissions;

public sealed record StatusReply(string Id, string Status, IReadOnlyList<string>? Errors = null);
