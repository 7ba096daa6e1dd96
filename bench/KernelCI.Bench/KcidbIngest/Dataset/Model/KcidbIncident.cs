namespace KernelCI.Bench.KcidbIngest.Dataset.Model;

/// <summary>Like the bridge's: exactly one of <see cref="BuildId"/> and <see cref="TestId"/> is set.</summary>
internal sealed record KcidbIncident(
    string Id,
    string Origin,
    string IssueId,
    int IssueVersion,
    string? BuildId,
    string? TestId,
    bool Present,
    string Comment);
