namespace KernelCI.Dashboard.Trees.Compare;

/// <summary>A build configuration whose grouped status changed, or failed on both sides (upstream's CompareBuildDiffRow);
/// a null status means the side has no such build.</summary>
internal sealed record CompareBuildRow(string ConfigName, string Architecture, string Compiler, string? StatusA, string? StatusB);
