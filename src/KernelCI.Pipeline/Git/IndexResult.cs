namespace KernelCI.Pipeline.Git;

/// <summary>What <see cref="ScratchIndex"/> made: the patched tree's id, or (Tree null) the position of the first patch
/// that does not apply and `git apply`'s output.</summary>
internal readonly record struct IndexResult(string? Tree, int FailedPatch, string Output)
{
    public bool Applied => Tree is not null;
}
