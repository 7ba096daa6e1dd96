using System.Text.RegularExpressions;
using KernelCI.Pipeline.Git;

namespace KernelCI.Pipeline.Tarball;

/// <summary>One git repository per tree under WorkDirectory/git/TREE, its remote named after the tree as upstream's
/// `clone -o TREE`. No work tree is checked out: `git archive` and `describe` read the objects, and writing out a
/// Linux tree on every checkout would cost more than the rest of the service.</summary>
internal sealed partial class GitCache(PipelineOptions options, GitRunner git)
{
    public string DirectoryOf(string tree) =>
        Path.Combine(options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "kernelci-pipeline"), "git", tree);

    /// <summary>Fetches the branch and checks that <paramref name="commit"/> is there; wipes the cache and tries once more
    /// on failure (a corrupt or half-cloned cache), then gives up with <see cref="GitCheckoutException"/>.</summary>
    public async Task<string> PrepareAsync(string tree, string url, string branch, string commit, CancellationToken cancellationToken)
    {
        if (!CommitPattern().IsMatch(commit))
        {
            throw new GitCheckoutException($"commit '{commit}' is not a 7 to 64 digit hex id");
        }

        var directory = DirectoryOf(tree);
        try
        {
            await UpdateAsync(directory, tree, url, branch, commit, cancellationToken);
        }
        catch (GitException)
        {
            Wipe(directory);
            try
            {
                await UpdateAsync(directory, tree, url, branch, commit, cancellationToken);
            }
            catch (GitException e)
            {
                throw new GitCheckoutException($"cannot check out {commit} of {tree}/{branch} from {url}: {e.Message}", e);
            }
        }

        return directory;
    }

    private async Task UpdateAsync(string directory, string tree, string url, string branch, string commit, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(directory, ".git")))
        {
            Wipe(directory);
            Directory.CreateDirectory(Path.GetDirectoryName(directory)!);
            await git.RunAsync(null, ["clone", "--quiet", "--no-checkout", "-o", tree, url, directory], cancellationToken);
        }
        else
        {
            await git.RunAsync(directory, ["remote", "set-url", tree, url], cancellationToken);
        }

        await git.RunAsync(directory, ["fetch", "--quiet", "--tags", "--prune", "--force", tree,
            $"+refs/heads/{branch}:refs/remotes/{tree}/{branch}"], cancellationToken);
        // A commit that is not (or no longer) on the branch may still be fetchable by id.
        if (!await HasCommitAsync(directory, commit, cancellationToken))
        {
            await git.RunAsync(directory, ["fetch", "--quiet", tree, commit], cancellationToken);
        }

        await git.RunAsync(directory, ["rev-parse", "--verify", "--quiet", commit + "^{commit}"], cancellationToken);
    }

    private async Task<bool> HasCommitAsync(string directory, string commit, CancellationToken cancellationToken)
    {
        try
        {
            await git.RunAsync(directory, ["rev-parse", "--verify", "--quiet", commit + "^{commit}"], cancellationToken);
            return true;
        }
        catch (GitException)
        {
            return false;
        }
    }

    private static void Wipe(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [GeneratedRegex("^[0-9a-fA-F]{7,64}$")]
    private static partial Regex CommitPattern();
}
