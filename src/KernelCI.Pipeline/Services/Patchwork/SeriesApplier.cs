using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Git;
using KernelCI.Pipeline.Services.Tarball;

namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>Applies a series on its base with <see cref="ScratchIndex"/> (`git apply --cached` on a scratch index) in
/// the tarball service's git cache of the project's tree (so a Linux tree is fetched once, not per series), to know
/// before any build whether it applies and, if not, which patch failed. The base is the series' `base-commit:` when
/// it names one, else the branch head (`git ls-remote`, as the trigger reads it).</summary>
internal sealed class SeriesApplier(GitCache cache, GitRunner git, ScratchIndex index, GitUrlPolicy urls, PipelineConfig config,
    PipelineOptions options)
{
    public TreeConfig TreeOf(PatchworkProject project) => config.Trees.GetValueOrDefault(project.Tree)
        ?? throw new SeriesRefusedException($"tree '{project.Tree}' is not in the pipeline configuration");

    /// <summary>The commit a series is applied on.</summary>
    public async Task<string> BaseAsync(PatchworkProject project, string? baseCommit, CancellationToken cancellationToken)
    {
        var tree = TreeOf(project);
        if (baseCommit is not null)
        {
            return baseCommit;
        }

        var reference = "refs/heads/" + project.Branch;
        var output = await git.WithProtocols(urls.ProtocolsFor(tree.Url)).RunAsync(null, ["ls-remote", "--", tree.Url, reference], cancellationToken);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t'))
            .FirstOrDefault(p => p.Length == 2 && p[1].Trim() == reference)?[0].Trim()
            ?? throw new SeriesRefusedException($"branch '{project.Branch}' of tree '{project.Tree}' not found");
    }

    /// <summary>Applies <paramref name="patches"/> in order on <paramref name="commit"/>; throws
    /// <see cref="SeriesRefusedException"/> naming the first patch that does not apply.</summary>
    public async Task ApplyAsync(PatchworkProject project, string commit, IReadOnlyList<MboxPatch> patches, string scratchName,
        CancellationToken cancellationToken)
    {
        var tree = TreeOf(project);
        string repository;
        try
        {
            repository = await cache.PrepareAsync(tree.Name, tree.Url, project.Branch, commit, cancellationToken);
        }
        catch (GitCheckoutException)
        {
            throw new SeriesRefusedException($"base commit {commit} is not in tree '{tree.Name}'");
        }

        var root = SafePaths.Under(options.WorkDirectory ?? Path.GetTempPath(), "patchwork");
        Directory.CreateDirectory(root);
        var result = await index.ApplyAsync(repository, commit, SafePaths.Under(root, scratchName), patches.Select(p => p.Mail).ToList(),
            cancellationToken);
        if (!result.Applied)
        {
            throw new SeriesRefusedException(
                $"{SeriesMbox.Name(patches[result.FailedPatch], patches.Count)} does not apply on {commit[..Math.Min(12, commit.Length)]} (git apply)");
        }
    }
}
