using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Git;
using Spectre.Console;

namespace KernelCI.KciDev.Checkout;

/// <summary>`--tipoftree`: the branch head from `git ls-remote URL refs/heads/BRANCH`, which must be a 40-character SHA.</summary>
internal static class TipOfTree
{
    public static async Task<string> ResolveAsync(CommandSession session, string url, string branch, CancellationToken cancellationToken)
    {
        session.Console.Ansi.MarkupLineInterpolated($"[green]Retrieving latest commit on tree: {url} branch: {branch}[/]");
        // `--`: a URL that starts with "-" (typed, or a checkout's `origin`) must never become a git option such as
        // --upload-pack, which runs a command.
        var (code, output, _) = await GitRunner.RunAsync(session.Context.WorkingDirectory, ["ls-remote", "--", url, "refs/heads/" + branch], cancellationToken);
        var sha = code == 0 ? output.Split('\t', '\n')[0].Trim() : "";
        if (!GitUrls.IsFullSha(sha))
        {
            throw new CliException($"--tipoftree: unable to retrieve the latest commit of {url} branch {branch}. Wrong tree/branch?");
        }

        session.Console.Ansi.MarkupLineInterpolated($"[green]Commit to checkout: {sha}[/]");
        return sha;
    }
}
