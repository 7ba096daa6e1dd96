using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Trees;

/// <summary>An architecture's builds and the compilers used for it.</summary>
public sealed record ArchitectureCount(string Architecture, IReadOnlyList<string> Compilers, StatusTally Tally);
