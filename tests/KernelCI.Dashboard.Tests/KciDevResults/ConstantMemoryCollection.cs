namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>Runs <see cref="ConstantMemoryTests"/> alone, after the parallel tests: it measures the process's live heap.</summary>
[CollectionDefinition(nameof(ConstantMemoryTests), DisableParallelization = true)]
public sealed class ConstantMemoryCollection;
