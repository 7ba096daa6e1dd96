using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Git;
using KernelCI.Pipeline.Services.Tarball;
using KernelCI.Pipeline.Services.Tarball.Archive;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Patchset;

/// <summary>The patchset's tarball without the base's: when the parent checkout's commit is in the git cache, the
/// patches are applied on a scratch index of it (<see cref="ScratchIndex"/>) and the patched tree's tarball is assembled
/// from the tree's cache of compressed files (<see cref="SourceTarball.UploadTreeAsync"/>), so only the files the
/// patches change are compressed. Downloading, extracting and re-packing Linux's 255 MB tarball took minutes per series
/// on a loaded machine (docs/benchmarks.md, "patchwork"). Whenever this path cannot decide alone, it says so and
/// <see cref="PatchsetApplier"/> takes upstream's path (docs/pipeline/services.md#patchset).</summary>
internal sealed class GitCachePatchset(GitCache cache, ScratchIndex index, SourceTarball tarball, GitRunner git, ILogger<GitCachePatchset> logger)
{
    /// <summary>Uploads NAME.tar.gz and returns true, or returns false (nothing uploaded) when the base is not in the git
    /// cache, a patch does not apply with `git apply` (GNU patch, which the other path runs, accepts fuzz and says why
    /// it fails), the result has a non-regular file the patches made, or the cache cannot assemble the tarball.</summary>
    public async Task<bool> TryUploadAsync(MaestroNode node, MaestroNode parent, IReadOnlyList<(string Name, byte[] Content, IReadOnlyList<string> Paths)> patches,
        string name, string scratch, CancellationToken cancellationToken)
    {
        var revision = parent.Data["kernel_revision"] as JsonObject;
        if (revision?["tree"]?.ToString() is not { } tree || revision["url"]?.ToString() is not { } url
            || revision["commit"]?.ToString() is not { } commit)
        {
            return Fallback(node, "the parent has no kernel_revision tree, url and commit");
        }

        try
        {
            if (await cache.LocateAsync(tree, url, commit, cancellationToken) is not { } repository)
            {
                return Fallback(node, $"commit {commit} is not in the git cache of {tree}");
            }

            var listing = await CommitListing.ReadAsync(git, repository, commit, cancellationToken);
            // The same refusal, with the same words, as the tarball path's check of its extracted tree.
            var links = TreeLinks.OfPaths(listing.Entries.Where(e => e.IsSymbolicLink).Select(e => e.Path));
            foreach (var (patchName, _, paths) in patches)
            {
                links.CheckNotThroughLinks(patchName, paths);
            }

            var result = await index.ApplyAsync(repository, commit, SafePaths.Under(scratch, "index"), [.. patches.Select(p => p.Content)],
                cancellationToken);
            if (!result.Applied)
            {
                return Fallback(node, $"{patches[result.FailedPatch].Name} does not apply with git apply: {result.Output.Trim()}");
            }

            if (await NonRegularChangeAsync(repository, listing.RootTree, result.Tree!, cancellationToken) is { } path)
            {
                return Fallback(node, $"the patches make '{path}' other than a regular file");
            }

            await tarball.UploadTreeAsync(repository, result.Tree!, listing.Time, name, cancellationToken);
            PatchsetLog.FromGitCache(logger, node.Id!, result.Tree!);
            return true;
        }
        catch (Exception e) when (e is GitException or UnsupportedArchiveException or GitCheckoutException)
        {
            // E.g. the cache folder wiped under us by a failed fetch, or a tree whose .gitattributes git archive applies.
            return Fallback(node, e.Message);
        }
    }

    // What the patches added or changed as anything but a regular file (`git diff-tree` lists new modes), which PatchValidator's
    // header checks should already have refused.
    private async Task<string?> NonRegularChangeAsync(string repository, string before, string after, CancellationToken cancellationToken)
    {
        var output = await git.RunAsync(repository, ["diff-tree", "-r", "-z", "--no-renames", before, after], cancellationToken);
        var fields = output.Split('\0');
        for (var i = 0; i + 1 < fields.Length; i += 2)
        {
            // ":<old mode> <new mode> <old id> <new id> <status>" then the path.
            var modes = fields[i].TrimStart(':').Split(' ');
            if (modes.Length >= 2 && modes[1] is not ("100644" or "100755" or "000000"))
            {
                return fields[i + 1];
            }
        }

        return null;
    }

    private bool Fallback(MaestroNode node, string reason)
    {
        PatchsetLog.FromTarball(logger, node.Id!, reason);
        return false;
    }
}
