namespace KernelCI.Bench.KcidbIngest.Dataset.Model;

internal sealed record KcidbIssue(
    string Id,
    int Version,
    string Origin,
    string Comment,
    IssueCulprit Culprit,
    IssueMisc Misc);
