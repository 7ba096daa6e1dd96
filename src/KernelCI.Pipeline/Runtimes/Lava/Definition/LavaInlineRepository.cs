namespace KernelCI.Pipeline.Runtimes.Lava.Definition;

/// <summary>An inline test definition: metadata (format "Lava-Test Test Definition 1.0", name, description) and
/// the shell steps run on the DUT.</summary>
internal sealed record LavaInlineRepository(IReadOnlyDictionary<string, object> Metadata, LavaRun Run);
