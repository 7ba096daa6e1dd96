using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using Microsoft.AspNetCore.Http;
using KernelCI.Pipeline.Git;
using Microsoft.AspNetCore.Mvc;

namespace KernelCI.Pipeline.Api;

/// <summary>POST /api/checkout: a developer asks for one commit to be built and tested (kci-dev checkout, bisect).</summary>
internal static partial class CheckoutEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, ApiUser user, [FromServices] PipelineConfig config,
        [FromServices] MaestroClient maestro, [FromServices] GitUrlPolicy policy, [FromServices] TimeProvider time)
    {
        var body = await ApiInput.ReadAsync(http.Request, http.RequestAborted);
        var now = time.GetUtcNow().UtcDateTime;
        BuildCoverage.RequireConfigured(config, "checkout");

        var commit = ApiInput.RequiredString(body, "commit");
        if (!Sha().IsMatch(commit))
        {
            throw ApiException.BadRequest($"commit: '{commit}' is not a git commit hash (7 to 40 hex digits)");
        }

        var jobfilter = ApiInput.JobFilter(body, config);
        var platformfilter = ApiInput.PlatformFilter(body, config);
        string tree, url, branch, treeFields;
        if (ApiInput.OptionalNodeId(body, "nodeid") is { } nodeId)
        {
            var source = await ApiInput.NodeAsync(maestro, "nodeid", nodeId, http.RequestAborted);
            var revision = source.Data["kernel_revision"] as JsonObject
                ?? throw ApiException.BadRequest($"nodeid: node {nodeId} has no data.kernel_revision");
            RevisionCheck.Node(policy, nodeId, revision);
            tree = revision["tree"]!.ToString();
            url = revision["url"]!.ToString();
            branch = revision["branch"]!.ToString();
            treeFields = "nodeid";
        }
        else
        {
            url = ApiInput.RequiredString(body, "url");
            branch = ApiInput.RequiredString(body, "branch");
            tree = config.Trees.Values.FirstOrDefault(t => t.Url == url)?.Name ?? TreeName(url);
            RevisionCheck.Request(policy, tree, url, branch);
            treeFields = "url, branch";
        }

        BuildCoverage.Require(config, "checkout", ["checkout"], tree, branch, jobfilter, treeFields);

        // A developer's request builds one commit once: longer than a tip-of-branch checkout, but bounded.
        var node = OneCommitCheckout.Node(tree, url, branch, commit, "user:" + user.Email, now, jobfilter, platformfilter);
        var created = await maestro.CreateNodeAsync(node, http.RequestAborted);
        return ApiReply.Node("OK", created);
    }

    /// <summary>An unknown tree is named after its repository, as the last URL segment without `.git`.</summary>
    private static string TreeName(string url)
    {
        var last = url.TrimEnd('/').Split('/', ':').Last();
        return last.EndsWith(".git", StringComparison.Ordinal) ? last[..^4] : last;
    }

    [GeneratedRegex("^[0-9a-fA-F]{7,40}$")]
    private static partial Regex Sha();
}
