namespace KernelCI.Pipeline.Config;

/// <summary>An invalid configuration: the message names the file and the key.</summary>
public sealed class PipelineConfigException(string file, string key, string problem) : Exception($"{file}: {key}: {problem}")
{
    public string File { get; } = file;

    public string Key { get; } = key;
}
