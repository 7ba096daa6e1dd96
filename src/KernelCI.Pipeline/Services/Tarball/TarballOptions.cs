namespace KernelCI.Pipeline.Services.Tarball;

/// <summary>"Pipeline:Tarball" in the configuration file.</summary>
public sealed record TarballOptions
{
    /// <summary>Keep each file's compressed content between commits (WorkDirectory/tarball-cache/TREE), so a commit only
    /// compresses what it changed. Off: every tarball is `git archive` compressed in full.</summary>
    public bool Cache { get; init; } = true;
}
