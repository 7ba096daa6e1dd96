using System.Text.RegularExpressions;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Git;
using KernelCI.Pipeline.Services.Tarball;

namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>Applies a series with `git am` on its base in a scratch work tree of the tarball service's git cache of the
/// project's tree (so a Linux tree is fetched once, not per series), to know before any build whether it applies and,
/// if not, which patch failed. The base is the series' `base-commit:` when it names one, else the branch head
/// (`git ls-remote`, as the trigger reads it).</summary>
internal sealed partial class SeriesApplier(GitCache cache, GitRunner git, GitUrlPolicy urls, PipelineConfig config, PipelineOptions options)
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

    /// <summary>Runs `git am` of <paramref name="mbox"/> on <paramref name="commit"/>; throws
    /// <see cref="SeriesRefusedException"/> naming the patch that does not apply.</summary>
    public async Task ApplyAsync(PatchworkProject project, string commit, byte[] mbox, IReadOnlyList<MboxPatch> patches, string scratchName,
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
        var work = SafePaths.Under(root, scratchName);
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        await git.RunAsync(repository, ["worktree", "prune"], cancellationToken);
        await git.RunAsync(repository, ["worktree", "add", "--quiet", "--detach", "--force", work, commit], cancellationToken);
        try
        {
            var (exit, output) = await GitRunner.RunProgramAsync("git", work,
                ["-c", "user.name=KernelCI", "-c", "user.email=bot@kernelci.org", "am", "--quiet", "--no-3way"], mbox, cancellationToken);
            if (exit != 0)
            {
                var failed = FailedAt().Match(output) is { Success: true } m && int.TryParse(m.Groups[1].Value, out var n) ? n : 0;
                var name = failed >= 1 && failed <= patches.Count ? SeriesMbox.Name(patches[failed - 1], patches.Count) : "the series";
                throw new SeriesRefusedException($"{name} does not apply on {commit[..Math.Min(12, commit.Length)]} (git am)");
            }
        }
        finally
        {
            await git.RunAsync(repository, ["worktree", "remove", "--force", work], CancellationToken.None);
        }
    }

    [GeneratedRegex(@"Patch failed at (\d+)")]
    private static partial Regex FailedAt();
}
