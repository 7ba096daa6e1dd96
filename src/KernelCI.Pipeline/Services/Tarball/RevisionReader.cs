using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KernelCI.Pipeline.Git;

namespace KernelCI.Pipeline.Services.Tarball;

/// <summary>The checkout metadata upstream's tarball service writes (kernelci/kernelci-pipeline:src/tarball.py): describe, version, tags, commit message and tip_of_branch.</summary>
internal sealed partial class RevisionReader(GitRunner git)
{
    /// <summary>Adds the metadata to a copy of <paramref name="revision"/>; any git failure is git_commit_error.</summary>
    public async Task<JsonObject> ReadAsync(string directory, JsonObject revision, string tree, string branch, string commit,
        CancellationToken cancellationToken)
    {
        var result = revision.DeepClone().AsObject();
        var describe = (await git.RunAsync(directory, ["describe", "--always", commit], cancellationToken)).Trim().Replace('/', '_');
        result["describe"] = describe;
        result["version"] = await VersionAsync(directory, commit, cancellationToken);
        var tags = (await git.RunAsync(directory, ["tag", "--points-at", commit], cancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        result["commit_tags"] = new JsonArray([.. tags.Select(t => (JsonNode?)JsonValue.Create(t))]);
        result["commit_message"] = (await git.RunAsync(directory, ["show", "-s", "--format=%B", commit], cancellationToken)).TrimEnd();
        var tip = (await git.RunAsync(directory, ["rev-parse", $"refs/remotes/{tree}/{branch}"], cancellationToken)).Trim();
        var full = (await git.RunAsync(directory, ["rev-parse", commit + "^{commit}"], cancellationToken)).Trim();
        result["commit"] = full;
        result["tip_of_branch"] = tip == full;
        return result;
    }

    private async Task<JsonObject?> VersionAsync(string directory, string commit, CancellationToken cancellationToken)
    {
        string describe;
        try
        {
            describe = await git.RunAsync(directory, ["describe", "--match=v[1-9]*", commit], cancellationToken);
        }
        catch (GitException)
        {
            // No release tag below the commit: the revision simply has no version.
            return null;
        }

        return KernelVersion.Parse(describe, await NameAsync(directory, commit, cancellationToken));
    }

    /// <summary>The release name (`NAME = …`) from the top Makefile, when there is one.</summary>
    private async Task<string?> NameAsync(string directory, string commit, CancellationToken cancellationToken)
    {
        try
        {
            var makefile = await git.RunAsync(directory, ["show", commit + ":Makefile"], cancellationToken);
            var match = NameLine().Match(makefile);
            return match.Success ? match.Groups[1].Value.Trim() : null;
        }
        catch (GitException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^NAME\s*=(.*)$", RegexOptions.Multiline)]
    private static partial Regex NameLine();
}
