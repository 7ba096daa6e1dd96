using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Git;

namespace KernelCI.KciDev.Results;

/// <summary>Fills in what the user left out from the local git checkout, resolves tags and short hashes to full SHAs
/// (`git ls-remote`, peeled with `^{}`, then local `rev-parse`) and `--latest` from the dashboard's tree list, matching
/// URL and branch exactly (kci-dev.md §2.2).</summary>
internal static class RevisionResolver
{
    /// <param name="latestUnlessCommit">Without `--commit`, take the newest commit (as `--latest`) instead of the local HEAD.</param>
    public static async Task<Revision> ResolveAsync(CommandSession session, RevisionOptions options, DashboardApiClient dashboard, CancellationToken cancellationToken,
        bool latestUnlessCommit = false)
    {
        var origin = session.Value(options.Origin) ?? "maestro";
        var folder = session.Value(options.GitFolder) is { } f ? Path.GetFullPath(f, session.Context.WorkingDirectory) : session.Context.WorkingDirectory;
        if (session.Value(options.GitFolder) is not null && !Directory.Exists(folder))
        {
            throw new CliException($"--git-folder {session.Value(options.GitFolder)}: no such folder");
        }

        var url = session.Value(options.GitUrl)
            ?? (await GitRunner.TryAsync(folder, cancellationToken, "remote", "get-url", "origin") is { Length: > 0 } remote ? GitUrls.Clean(remote) : null)
            ?? throw new CliException("no --giturl given and no git checkout with an `origin` remote here (or at --git-folder)");
        var branch = session.Value(options.Branch)
            ?? (await GitRunner.TryAsync(folder, cancellationToken, "branch", "--show-current") is { Length: > 0 } current ? current : null)
            ?? throw new CliException("no --branch given and the local git checkout is not on a branch");

        if (session.Value(options.Latest) || (latestUnlessCommit && session.Value(options.Commit) is null))
        {
            return new Revision(origin, url, branch, await LatestAsync(dashboard, origin, url, branch, cancellationToken));
        }

        var commit = session.Value(options.Commit)
            ?? await GitRunner.TryAsync(folder, cancellationToken, "rev-parse", "HEAD")
            ?? throw new CliException("no --commit given and no local git checkout to take HEAD from");
        return new Revision(origin, url, branch, await FullShaAsync(folder, url, commit, cancellationToken));
    }

    /// <summary>A tag, branch or short hash as a full SHA; a reference nothing can resolve is an error, not a guess.</summary>
    public static async Task<string> FullShaAsync(string folder, string? url, string reference, CancellationToken cancellationToken)
    {
        if (GitUrls.IsFullSha(reference))
        {
            return reference.ToLowerInvariant();
        }

        if (url is not null && !GitUrls.IsHex(reference))
        {
            // `--`: a URL that starts with "-" (typed, or a checkout's `origin`) must never become a git option such as
            // --upload-pack, which runs a command.
            var peeled = await GitRunner.TryAsync(folder, cancellationToken, "ls-remote", "--", url, reference + "^{}", reference);
            var line = peeled?.Split('\n').Select(l => l.Split('\t')).OrderByDescending(p => p.Length > 1 && p[1].EndsWith("^{}", StringComparison.Ordinal)).FirstOrDefault();
            if (line is { Length: 2 } && GitUrls.IsFullSha(line[0]))
            {
                return line[0];
            }
        }

        if (Directory.Exists(folder) && await GitRunner.TryAsync(folder, cancellationToken, "rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}") is { } sha && GitUrls.IsFullSha(sha))
        {
            return sha;
        }

        throw new CliException($"--commit {reference}: cannot resolve it to a full commit hash (not a tag or branch of the remote, and not known to the local checkout)");
    }

    /// <summary>The newest commit of the tree and branch in the dashboard's tree list (`--latest`).</summary>
    public static async Task<string> LatestAsync(DashboardApiClient dashboard, string origin, string url, string branch, CancellationToken cancellationToken)
    {
        var trees = await dashboard.GetAsync("tree", [new("origin", origin)], cancellationToken) as JsonArray ?? [];
        return trees.OfType<JsonObject>()
            .FirstOrDefault(t => t["git_repository_url"]?.ToString() == url && t["git_repository_branch"]?.ToString() == branch)?["git_commit_hash"]?.ToString()
            ?? throw new CliException($"the dashboard has no tree {url} branch {branch} for origin {origin}");
    }
}
