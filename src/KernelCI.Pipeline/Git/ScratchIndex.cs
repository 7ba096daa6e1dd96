namespace KernelCI.Pipeline.Git;

/// <summary>Applies patches one after the other with `git apply --cached` (what `git am` runs for each mail, on the
/// index alone) on the index of a `--no-checkout` scratch work tree made from a commit, then writes the resulting
/// tree. None of the commit's files is written: checking out Linux's 78,000 files took most of the time before
/// Patchwork's `pending` (docs/benchmarks.md, "patchwork"). Used by the Patchwork service's check that a series
/// applies and by the patchset service's tarball (docs/pipeline/services.md#patchset).</summary>
internal sealed class ScratchIndex(GitRunner git)
{
    /// <summary>The tree of <paramref name="commit"/> with <paramref name="patches"/> applied in order, or the position
    /// of the first one that does not apply. <paramref name="work"/> is the scratch work tree's folder (replaced if it
    /// exists, removed afterwards).</summary>
    public async Task<IndexResult> ApplyAsync(string repository, string commit, string work, IReadOnlyList<byte[]> patches,
        CancellationToken cancellationToken)
    {
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        await git.RunAsync(repository, ["worktree", "prune"], cancellationToken);
        await git.RunAsync(repository, ["worktree", "add", "--quiet", "--detach", "--force", "--no-checkout", work, commit], cancellationToken);
        try
        {
            await git.RunAsync(work, ["read-tree", "HEAD"], cancellationToken);
            for (var i = 0; i < patches.Count; i++)
            {
                var (exit, output) = await GitRunner.RunProgramAsync("git", work, ["apply", "--cached"], patches[i], cancellationToken);
                if (exit != 0)
                {
                    return new IndexResult(null, i, output);
                }
            }

            return new IndexResult((await git.RunAsync(work, ["write-tree"], cancellationToken)).Trim(), -1, "");
        }
        finally
        {
            await git.RunAsync(repository, ["worktree", "remove", "--force", work], CancellationToken.None);
        }
    }
}
