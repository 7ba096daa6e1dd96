namespace KernelCI.Pipeline.Git;

/// <summary>"Pipeline:Git" in the configuration file: which git URLs developers may ask the pipeline to fetch.</summary>
public sealed record GitOptions
{
    /// <summary>The schemes <see cref="ExtraSchemes"/> may name.</summary>
    public static IReadOnlyList<string> Known { get; } = ["git", "ssh"];

    /// <summary>Schemes accepted from developer requests and nodes besides `https`: `git` and/or `ssh`. The URLs of
    /// configured trees are accepted whatever their scheme (a `file://` tree of the operator's own).</summary>
    public IReadOnlyList<string> ExtraSchemes { get; init; } = [];
}
