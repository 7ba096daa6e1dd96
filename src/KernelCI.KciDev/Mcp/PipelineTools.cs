using System.ComponentModel;
using System.Text.Json.Nodes;
using KernelCI.Client.Pipeline;
using ModelContextProtocol.Server;

namespace KernelCI.KciDev.Mcp;

/// <summary>The tools that start work, listed only when the instance has both `pipeline` and `token` (kci-dev.md §2.3;
/// upstream's kernelci/kci-dev:kcidev/mcp/tools_maestro.py). They are marked not read-only, so MCP clients can ask the
/// user before each call.</summary>
[McpServerToolType]
internal sealed class PipelineTools(PipelineClient pipeline)
{
    [McpServerTool(Name = "retry_job", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Retry a failed or incomplete KernelCI job: creates a new job for the given Maestro node id (find it with list_nodes or the dashboard tools).")]
    public async Task<JsonNode> RetryJob([Description("Maestro node id of the job")] string node_id, CancellationToken cancellationToken = default) =>
        new JsonObject { ["message"] = await pipeline.JobRetryAsync(ToolInput.Required("node_id", node_id), cancellationToken) };

    [McpServerTool(Name = "trigger_checkout", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Start a KernelCI pipeline run of a tree at one commit, running only the jobs of job_filter (e.g. ['baseline-arm64']), optionally only on the platforms of platform_filter. Returns the checkout node and its tree id; follow it with list_nodes 'treeid=<tree id>'.")]
    public async Task<JsonNode> TriggerCheckout(
        [Description("Git repository URL")] string giturl,
        [Description("Branch")] string branch,
        [Description("Full 40-character commit hash")] string commit,
        [Description("Jobs to run (at least one)")] string[] job_filter,
        [Description("Platforms to run them on")] string[]? platform_filter = null,
        CancellationToken cancellationToken = default)
    {
        var url = ToolInput.Required("giturl", giturl);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https" or "git"))
        {
            throw new ToolArgumentException("giturl", $"not a git URL: '{giturl}'");
        }

        // An agent should not start every job of the pipeline by leaving the filter out (the CLI only warns).
        var jobs = NonEmpty("job_filter", job_filter) ?? throw new ToolArgumentException("job_filter", "name at least one job");
        var request = new CheckoutRequest(url, ToolInput.Required("branch", branch), ToolInput.Sha("commit", commit), jobs,
            NonEmpty("platform_filter", platform_filter) ?? []);
        return await pipeline.CheckoutAsync(request, cancellationToken);
    }

    [McpServerTool(Name = "trigger_patchset", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Test patches on top of an existing checkout node (e.g. one started with trigger_checkout). Give exactly one of patches (unified diffs, inline) or patchurls (URLs of an allowed domain such as patchwork.kernel.org). Returns the patchset node; follow it with list_nodes 'treeid=<tree id>'.")]
    public async Task<JsonNode> TriggerPatchset(
        [Description("Maestro node id of the checkout")] string nodeid,
        [Description("Patches as unified diff text")] string[]? patches = null,
        [Description("URLs of patches")] string[]? patchurls = null,
        [Description("Jobs to run")] string[]? job_filter = null,
        [Description("Platforms to run them on")] string[]? platform_filter = null,
        CancellationToken cancellationToken = default)
    {
        var inline = NonEmpty("patches", patches);
        var urls = NonEmpty("patchurls", patchurls);
        if ((inline is null) == (urls is null))
        {
            throw new ToolArgumentException("patches", "give exactly one of patches and patchurls");
        }

        if (inline is not null)
        {
            PatchLimits.Check(inline);
        }

        var request = new PatchsetRequest(ToolInput.Required("nodeid", nodeid), inline, urls, NonEmpty("job_filter", job_filter),
            NonEmpty("platform_filter", platform_filter));
        return await pipeline.PatchsetAsync(request, cancellationToken);
    }

    private static string[]? NonEmpty(string argument, string[]? values)
    {
        if (values is null || values.Length == 0)
        {
            return null;
        }

        return values.Any(string.IsNullOrWhiteSpace) ? throw new ToolArgumentException(argument, "has an empty entry") : values;
    }
}
