namespace KernelCI.Triage.Kcidb;

/// <summary>A KCIDB build or test (its full id, origin included) and the problems found in its log.</summary>
public sealed record TriagedResult(TriagedResultKind Kind, string Id, IReadOnlyList<Problem> Problems);
