namespace KernelCI.Dashboard.Trees.Summary;

/// <summary>The hardware tested (first compatible, else platform), the repository URL and the commit's tags.</summary>
internal sealed record TreeCommon(IReadOnlyList<string> Hardware, string? TreeUrl, IReadOnlyList<string> GitCommitTags);
