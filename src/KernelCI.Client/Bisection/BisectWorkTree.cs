namespace KernelCI.Client.Bisection;

/// <summary>The bisection's git work folder: a clone without checked-out files (steps are built by the pipeline, not
/// here), or an existing clone reused and fetched, and the commit questions asked of it.</summary>
internal sealed class BisectWorkTree(string directory)
{
    private readonly GitProcess _git = new(directory);

    public GitProcess Git => _git;

    /// <summary>Clones <paramref name="tree"/> into the folder, or fetches <paramref name="branch"/> and the tags into
    /// an existing clone. A `file://` URL is cloned as a path, so git hard-links the objects instead of packing them.</summary>
    public async Task PrepareAsync(string tree, string branch, CancellationToken cancellationToken)
    {
        var source = tree.StartsWith("file://", StringComparison.Ordinal) ? new Uri(tree).LocalPath : tree;
        if (!System.IO.Directory.Exists(directory) || !System.IO.Directory.EnumerateFileSystemEntries(directory).Any())
        {
            var parent = Path.GetDirectoryName(Path.GetFullPath(directory))!;
            System.IO.Directory.CreateDirectory(parent);
            // `--`: a URL that starts with "-" (typed, or a checkout's `origin`) must never become a git option such as
            // --upload-pack, which runs a command.
            await new GitProcess(parent).OutputAsync(cancellationToken, "clone", "--quiet", "--no-checkout", "--branch", branch, "--", source, Path.GetFullPath(directory));
            return;
        }

        if (!System.IO.Directory.Exists(Path.Combine(directory, ".git")) && !File.Exists(Path.Combine(directory, "HEAD")))
        {
            throw new BisectionException($"--workdir {directory}: exists but is not a git clone (remove it or choose another folder)");
        }

        await _git.OutputAsync(cancellationToken, "fetch", "--quiet", "--tags", "--", source, $"+refs/heads/{branch}:refs/remotes/origin/{branch}");
    }

    /// <summary>The full SHA of a commit named by SHA, short SHA, tag or ref, or a one-line error naming the option.</summary>
    /// <remarks>The bisected branch's own name means its fetched head (origin/BRANCH): a reused clone's local branch
    /// may be behind.</remarks>
    public async Task<string> ResolveAsync(string option, string name, string branch, CancellationToken cancellationToken)
    {
        foreach (var candidate in name == branch ? [$"refs/remotes/origin/{branch}", name] : new[] { name })
        {
            var (code, output, _) = await _git.RunAsync(["rev-parse", "--verify", "--quiet", "--end-of-options", candidate + "^{commit}"], cancellationToken);
            if (code == 0 && output.Length == 40)
            {
                return output;
            }
        }

        throw new BisectionException($"{option} {name}: no such commit in the tree");
    }

    public async Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken) =>
        (await _git.RunAsync(["merge-base", "--is-ancestor", ancestor, descendant], cancellationToken)).ExitCode == 0;

    public async Task<BisectCommit> DescribeAsync(string sha, CancellationToken cancellationToken)
    {
        var lines = (await _git.OutputAsync(cancellationToken, "log", "-1", "--format=%H%n%s%n%an <%ae>", sha)).Split('\n');
        return new BisectCommit(lines[0], lines.ElementAtOrDefault(1) ?? "", lines.ElementAtOrDefault(2) ?? "");
    }
}
