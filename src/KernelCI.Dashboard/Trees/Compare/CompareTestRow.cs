namespace KernelCI.Dashboard.Trees.Compare;

/// <summary>A boot or test whose grouped status changed, or failed on both sides (upstream's TreeCompareTest).</summary>
internal sealed record CompareTestRow(string Path, string ConfigName, string Architecture, string Platform, string? StatusA, string? StatusB);
