using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using KernelCI.Pipeline.Git;

namespace KernelCI.Pipeline.Services.Tarball;

/// <summary>One git repository per tree under WorkDirectory/git/, its remote named after the tree as upstream's
/// `clone -o TREE`. No work tree is checked out: `git archive` and `describe` read the objects, and writing out a
/// Linux tree on every checkout would cost more than the rest of the service.
/// Only revisions <see cref="GitUrlPolicy"/> accepts are fetched, into folders <see cref="SafePaths"/> keeps below the
/// cache's root, and only folders holding the cache's <see cref="Marker"/> (written when it creates one) are ever
/// wiped (docs/pipeline.md, "Accepted URLs and tree names").</summary>
internal sealed partial class GitCache(PipelineOptions options, GitRunner git, GitUrlPolicy policy)
{
    // One update of a folder at a time in this process: the tarball and patchwork services share the cache, and two
    // fetches racing for a ref lock would make one of them wipe the folder under the other.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _updates = new(StringComparer.Ordinal);

    /// <summary>The file a cache folder is created with; a folder without it is never deleted.</summary>
    public const string Marker = ".kernelci-git-cache";

    public string Root => SafePaths.Under(options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "kernelci-pipeline"), "git");

    /// <summary>The folder of <paramref name="tree"/>'s cache for <paramref name="url"/>: git/TREE for a configured
    /// tree at its configured URL, git/TREE-HASH for any other URL, so that a repository named like a configured tree
    /// (or like another developer's) never shares its objects and tags.</summary>
    public string DirectoryOf(string tree, string url)
    {
        if (GitNames.TreeProblem(tree) is { } problem)
        {
            throw new GitCheckoutException("data.kernel_revision.tree: " + problem);
        }

        var name = policy.IsConfiguredTree(tree, url)
            ? tree
            : $"{tree}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..16]}";
        return SafePaths.Under(Root, name);
    }

    /// <summary>Fetches the branch and checks that <paramref name="commit"/> is there; wipes the cache and tries once more
    /// on failure (a corrupt or half-cloned cache), then gives up with <see cref="GitCheckoutException"/>.</summary>
    public async Task<string> PrepareAsync(string tree, string url, string branch, string commit, CancellationToken cancellationToken)
    {
        if (!CommitPattern().IsMatch(commit))
        {
            throw new GitCheckoutException($"data.kernel_revision.commit: '{commit}' is not a 7 to 64 digit hex id");
        }

        if (GitNames.BranchProblem(branch) is { } branchProblem)
        {
            throw new GitCheckoutException("data.kernel_revision.branch: " + branchProblem);
        }

        if (policy.Problem(url) is { } urlProblem)
        {
            throw new GitCheckoutException("data.kernel_revision.url: " + urlProblem);
        }

        var directory = DirectoryOf(tree, url);
        var gate = _updates.GetOrAdd(directory, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await PrepareLockedAsync(directory, tree, url, branch, commit, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The cache folder of <paramref name="tree"/> at <paramref name="url"/> if it already holds
    /// <paramref name="commit"/>, else null; nothing is fetched (the patchset service's fast path, which falls back to
    /// the base's tarball otherwise).</summary>
    public async Task<string?> LocateAsync(string tree, string url, string commit, CancellationToken cancellationToken)
    {
        if (!CommitPattern().IsMatch(commit) || GitNames.TreeProblem(tree) is not null)
        {
            return null;
        }

        var directory = DirectoryOf(tree, url);
        return Directory.Exists(Path.Combine(directory, ".git")) && await HasCommitAsync(git, directory, commit, cancellationToken)
            ? directory
            : null;
    }

    private async Task<string> PrepareLockedAsync(string directory, string tree, string url, string branch, string commit, CancellationToken cancellationToken)
    {
        var runner = git.WithProtocols(policy.ProtocolsFor(url));
        var failure = $"cannot fetch commit {commit} of branch {branch}";
        try
        {
            await UpdateAsync(runner, directory, tree, url, branch, commit, cancellationToken);
        }
        catch (GitException first)
        {
            Wipe(directory, failure, first.Message);
            try
            {
                await UpdateAsync(runner, directory, tree, url, branch, commit, cancellationToken);
            }
            catch (GitException e)
            {
                throw new GitCheckoutException(failure, $"{failure} from {url} into {directory}: {e.Message}", e);
            }
        }

        return directory;
    }

    private async Task UpdateAsync(GitRunner runner, string directory, string tree, string url, string branch, string commit,
        CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(directory, ".git")))
        {
            Wipe(directory, $"cannot fetch commit {commit} of branch {branch}", "no repository");
            Create(directory);
            await runner.RunAsync(directory, ["init", "--quiet"], cancellationToken);
            await runner.RunAsync(directory, ["remote", "add", "--", tree, url], cancellationToken);
        }
        else
        {
            await runner.RunAsync(directory, ["remote", "set-url", "--", tree, url], cancellationToken);
        }

        await runner.RunAsync(directory, ["fetch", "--quiet", "--tags", "--prune", "--force", tree,
            $"+refs/heads/{branch}:refs/remotes/{tree}/{branch}"], cancellationToken);
        // A commit that is not (or no longer) on the branch may still be fetchable by id.
        if (!await HasCommitAsync(runner, directory, commit, cancellationToken))
        {
            await runner.RunAsync(directory, ["fetch", "--quiet", tree, commit], cancellationToken);
        }

        await runner.RunAsync(directory, ["rev-parse", "--verify", "--quiet", commit + "^{commit}"], cancellationToken);
    }

    private static async Task<bool> HasCommitAsync(GitRunner runner, string directory, string commit, CancellationToken cancellationToken)
    {
        try
        {
            await runner.RunAsync(directory, ["rev-parse", "--verify", "--quiet", commit + "^{commit}"], cancellationToken);
            return true;
        }
        catch (GitException)
        {
            return false;
        }
    }

    // The marker goes in first, before git writes anything, so that a folder the cache made can always be wiped again.
    private static void Create(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, Marker), "created by the kernelci tarball service's git cache\n");
    }

    /// <summary>Deletes a cache folder, but only one the cache created: below its root, not a link, holding the marker.
    /// Anything else is left alone and the checkout fails.</summary>
    private void Wipe(string directory, string failure, string why)
    {
        if (!Directory.Exists(directory) && !File.Exists(directory))
        {
            return;
        }

        var info = new DirectoryInfo(directory);
        if (info.Exists && info.LinkTarget is null && !info.EnumerateFileSystemInfos().Any() && SafePaths.IsBelow(Root, directory))
        {
            // Left by a crash between creating the folder and writing its marker: nothing in it to lose.
            info.Delete();
            return;
        }

        if (!SafePaths.IsBelow(Root, directory) || File.Exists(directory) || info.LinkTarget is not null
            || !File.Exists(Path.Combine(directory, Marker)))
        {
            throw new GitCheckoutException(failure,
                $"{failure} ({why}); {directory} is not wiped: the git cache did not create it (no {Marker})");
        }

        Directory.Delete(directory, recursive: true);
    }

    [GeneratedRegex("^[0-9a-fA-F]{7,64}$")]
    private static partial Regex CommitPattern();
}
