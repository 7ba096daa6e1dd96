namespace KernelCI.Dashboard.Trees.Summary;

internal sealed record GlobalFilters(IReadOnlyList<string> Configs, IReadOnlyList<string> Architectures, IReadOnlyList<string> Compilers);
