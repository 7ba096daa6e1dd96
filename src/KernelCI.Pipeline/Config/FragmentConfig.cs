namespace KernelCI.Pipeline.Config;

/// <summary>A named config fragment: its `configs` lines (CONFIG_X=y) and the file name it is written to.
/// <see cref="Defconfig"/>: a defconfig target the fragment replaces the job's with (used once upstream).</summary>
public sealed record FragmentConfig(string Name, string? Path, IReadOnlyList<string> Configs,
    string? Defconfig = null);
