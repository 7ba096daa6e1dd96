namespace KernelCI.Pipeline.Config;

/// <summary>A named config fragment: its `configs` lines (CONFIG_X=y) and the file name it is written to.</summary>
public sealed record FragmentConfig(string Name, string? Path, IReadOnlyList<string> Configs);
