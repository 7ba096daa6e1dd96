namespace KernelCI.Pipeline.Runtimes.Shell;

/// <summary>`Pipeline:Kbuild`: how the shell runtime builds kernels (docs/pipeline.md, "Incremental build trees").</summary>
public sealed record KbuildOptions
{
    /// <summary>Build each commit in a persistent tree kept per build identity, its source synced by content, so a
    /// commit next to one already built (a bisection's steps) recompiles only what changed. Off: every build extracts
    /// its tarball into a new folder and builds it whole (through ccache).</summary>
    public bool IncrementalTrees { get; init; } = true;

    /// <summary>Where the persistent trees live; default WorkDirectory/kbuild-trees, beside the builds' scratch folders.</summary>
    public string? TreesDirectory { get; init; }

    /// <summary>Trees kept at most (each a kernel source and its objects, about 1.5 GB for tinyconfig); the least
    /// recently used is removed first.</summary>
    public int MaxTrees { get; init; } = 4;

    /// <summary>Null when valid, else the error naming the option.</summary>
    public string? Validate() => MaxTrees is < 1 or > 64 ? "Pipeline:Kbuild:MaxTrees: must be from 1 to 64" : null;
}
