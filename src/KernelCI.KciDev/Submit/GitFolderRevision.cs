using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Git;

namespace KernelCI.KciDev.Submit;

/// <summary>`--git-folder`: the origin URL (https, no credentials), the current branch and HEAD of a git work tree, as
/// upstream's get_folder_repository reads them (kernelci/kci-dev:kcidev/libs/git_repo.py).</summary>
internal static class GitFolderRevision
{
    public static async Task<(string? Url, string? Branch, string? Commit)> DetectAsync(string folder, string option, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new CliException($"{option} {folder}: no such folder");
        }

        if (await GitRunner.TryAsync(folder, cancellationToken, "rev-parse", "--is-bare-repository") == "true")
        {
            throw new CliException($"{option} {folder}: the repository is bare and has no working tree");
        }

        if (await GitRunner.TryAsync(folder, cancellationToken, "rev-parse", "--show-toplevel") is null)
        {
            throw new CliException($"{option} {folder}: not a git checkout");
        }

        var url = await GitRunner.TryAsync(folder, cancellationToken, "remote", "get-url", "origin") is { Length: > 0 } remote ? GitUrls.Clean(remote) : null;
        var branch = await GitRunner.TryAsync(folder, cancellationToken, "branch", "--show-current");
        var commit = await GitRunner.TryAsync(folder, cancellationToken, "rev-parse", "HEAD");
        return (url, branch is { Length: > 0 } ? branch : null, commit);
    }
}
