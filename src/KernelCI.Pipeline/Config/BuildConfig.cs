namespace KernelCI.Pipeline.Config;

/// <summary>A branch of a tree the trigger polls. <see cref="Frequency"/> is upstream's `[Nd][Nh][Nm]`, at least 60 s.</summary>
public sealed record BuildConfig(string Name, string Tree, string Branch, IReadOnlyList<string>? Architectures = null,
    TimeSpan? Frequency = null, string? Priority = null);
