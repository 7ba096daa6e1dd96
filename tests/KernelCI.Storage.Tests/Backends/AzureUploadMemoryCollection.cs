namespace KernelCI.Storage.Tests.Backends;

/// <summary>Runs <see cref="AzureUploadMemoryTests"/> alone, so that no other test's allocations are counted.</summary>
[CollectionDefinition(nameof(AzureUploadMemoryTests), DisableParallelization = true)]
public sealed class AzureUploadMemoryCollection;
