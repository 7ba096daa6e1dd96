using System.Text.Json.Nodes;
using KernelCI.Pipeline.Git;

namespace KernelCI.Pipeline.Api;

/// <summary>The tree, URL and branch a developer request would have the tarball service fetch: a tree name that can
/// be a folder and a git remote, a branch git accepts, and a URL <see cref="GitUrlPolicy"/> allows (https, or a
/// configured tree's URL). Checked before any node is created, so a refused request leaves nothing behind.</summary>
internal static class RevisionCheck
{
    /// <summary>A revision given in the request itself (url, branch; the tree is named after the URL).</summary>
    public static void Request(GitUrlPolicy policy, string tree, string url, string branch)
    {
        if (policy.Problem(url) is { } urlProblem)
        {
            throw ApiException.BadRequest("url: " + urlProblem);
        }

        if (GitNames.TreeProblem(tree) is { } treeProblem)
        {
            throw ApiException.BadRequest($"url: the tree named after it {treeProblem}");
        }

        if (GitNames.BranchProblem(branch) is { } branchProblem)
        {
            throw ApiException.BadRequest("branch: " + branchProblem);
        }
    }

    /// <summary>The kernel_revision of an existing node (any account may have written it): the same rules.</summary>
    public static void Node(GitUrlPolicy policy, string nodeId, JsonObject revision)
    {
        var problem = GitNames.TreeProblem(revision["tree"]?.ToString()) is { } tree ? "tree " + tree
            : policy.Problem(revision["url"]?.ToString()) is { } url ? "url " + url
            : GitNames.BranchProblem(revision["branch"]?.ToString()) is { } branch ? "branch " + branch
            : null;
        if (problem is not null)
        {
            throw ApiException.BadRequest($"nodeid: node {nodeId} has a kernel_revision the pipeline does not fetch: {problem}");
        }
    }

}
