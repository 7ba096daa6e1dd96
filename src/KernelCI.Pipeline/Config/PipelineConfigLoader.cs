namespace KernelCI.Pipeline.Config;

/// <summary>Loads a configuration directory the way upstream does: every *.yaml below it, top-level mappings merged
/// and lists extended; unknown keys and dangling references are errors naming the file and the key.</summary>
public static class PipelineConfigLoader
{
    public static PipelineConfig Load(string directory) => throw new NotImplementedException(directory);
}
