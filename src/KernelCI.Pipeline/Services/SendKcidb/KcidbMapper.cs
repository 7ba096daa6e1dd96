using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Triage;
using KernelCI.Triage.Kcidb;

namespace KernelCI.Pipeline.Services.SendKcidb;

/// <summary>Maps nodes to KCIDB v5.3 objects (kernelci/kernelci-pipeline:src/send_kcidb.py; docs/pipeline/kcidb-bridge.md). One mapper serves one batch: it caches the
/// ancestors and logs that several nodes of a hierarchy share.</summary>
internal sealed class KcidbMapper(string origin, PipelineConfig config,
    Func<string, CancellationToken, Task<MaestroNode?>> getNode, Func<string?, CancellationToken, Task<string?>> fetchLog,
    string? maestroUrl = null)
{
    // Maestro's node page (docs/maestro.md, "Node viewer"): an absolute link, as KCIDB's readers have no base to resolve
    // a relative one against.
    private readonly string _viewer = maestroUrl is null ? "viewer?node_id=" : maestroUrl.TrimEnd('/') + "/viewer?node_id=";

    private readonly Dictionary<string, MaestroNode?> _nodes = [];
    private readonly Dictionary<string, string?> _logs = [];

    public string Id(string nodeId) => $"{origin}:{nodeId}";

    /// <summary>Adds the node's object(s) to the batch; false when the node is not sent (it is still marked).</summary>
    public async Task<bool> AddAsync(MaestroNode node, KcidbBatch batch, CancellationToken cancellationToken)
    {
        if (NodeRules.SkipReason(node) is not null)
        {
            return false;
        }

        switch (node.Kind)
        {
            case "checkout":
                batch.Checkouts.Add(Checkout(node));
                return true;
            case "kbuild":
                batch.AddBuild(await BuildAsync(node, batch, cancellationToken));
                return true;
            case "job" or "test" or "process":
                return await AddTestAsync(node, batch, cancellationToken);
            default:
                return false;
        }
    }

    public JsonObject Checkout(MaestroNode node)
    {
        var revision = Json.Obj(node.Data, "kernel_revision");
        var url = Json.Str(revision, "url");

        // KCIDB v5.3 accepts only https:// repository URLs; a local tree (file://, git://) would get the whole
        // submission rejected, so its URL travels in misc instead.
        var https = url?.StartsWith("https://", StringComparison.Ordinal) == true;
        return new JsonObject { ["id"] = Id(node.Id!), ["origin"] = origin }
            .PutCopy("tree_name", revision["tree"])
            .Put("git_repository_url", https ? url : null)
            .PutCopy("git_commit_hash", revision["commit"])
            .PutCopy("git_commit_name", revision["describe"])
            .PutCopy("git_repository_branch", revision["branch"])
            .PutCopy("git_commit_tags", revision["commit_tags"] as JsonArray)
            .PutCopy("git_commit_message", revision["commit_message"])
            .PutCopy("git_repository_branch_tip", revision["tip_of_branch"] is JsonValue tip && tip.TryGetValue<bool>(out var b) ? JsonValue.Create(b) : null)
            .Put("start_time", Json.Time(node.Created))
            .Put("patchset_hash", Json.Str(revision, "patchset") ?? "")
            .Put("patchset_files", PatchsetFiles(node.Artifacts))
            .Put("misc", new JsonObject().Put("submitted_by", node.Submitter).Put("git_repository_url", https ? null : url));
    }

    /// <summary>A patchset node's patches (`patch0`…`patchN`, docs/pipeline/services.md) in the order they were applied,
    /// as KCIDB's `patchset_files` (the v5.3 checkout schema, kernelci/kcidb-io:kcidb_io/schema/); none for a plain checkout. Upstream's bridge sends neither
    /// these nor the hash (`pipeline:src/send_kcidb.py` hard-codes `patchset_hash: ''`), which makes a patched
    /// checkout indistinguishable from its base in KCIDB.</summary>
    private static JsonArray PatchsetFiles(IReadOnlyDictionary<string, string> artifacts)
    {
        var files = new JsonArray();
        for (var i = 0; artifacts.TryGetValue(string.Create(CultureInfo.InvariantCulture, $"patch{i}"), out var url); i++)
        {
            files.Add(new JsonObject { ["name"] = string.Create(CultureInfo.InvariantCulture, $"patch{i}"), ["url"] = url });
        }

        return files;
    }

    private async Task<JsonObject> BuildAsync(MaestroNode node, KcidbBatch batch, CancellationToken cancellationToken)
    {
        var data = node.Data;
        var status = KcidbStatus.ForBuild(node);
        var log = await LogAsync(Artifact(node.Artifacts, "build_log"), cancellationToken);
        var build = new JsonObject { ["id"] = Id(node.Id!), ["origin"] = origin, ["checkout_id"] = Id(node.Parent ?? "") }
            .Put("comment", Json.Str(Json.Obj(data, "kernel_revision"), "describe"))
            .Put("start_time", Json.Time(node.Created))
            .PutCopy("architecture", data["arch"])
            .PutCopy("compiler", data["compiler"])
            .Put("config_name", Json.Str(data, "config_full") ?? Json.Str(data, "defconfig"))
            .Put("status", status)
            .Put("config_url", Artifact(node.Artifacts, "_config"))
            .Put("log_url", Artifact(node.Artifacts, "build_log"))
            .Put("log_excerpt", LogExcerpts.Excerpt(log))
            .Put("output_files", OutputFiles(node.Artifacts, "_config", "build_log"))
            .Put("misc", new JsonObject()
                .PutCopy("platform", data["platform"])
                .PutCopy("runtime", data["runtime"])
                .PutCopy("lab", data["runtime"])
                .PutCopy("job_id", data["job_id"])
                .PutCopy("job_context", data["job_context"])
                .PutCopy("kernel_type", data["kernel_type"])
                .PutCopy("error_code", data["error_code"])
                .PutCopy("error_msg", data["error_msg"])
                .Put("maestro_viewer", _viewer + Uri.EscapeDataString(node.Id!)));
        if (status == "FAIL")
        {
            LogTriageIssues.Add(batch, origin, TriagedResultKind.Build, Id(node.Id!), log, LogKind.Build);
        }

        return build;
    }

    private async Task<bool> AddTestAsync(MaestroNode node, KcidbBatch batch, CancellationToken cancellationToken)
    {
        var ancestors = await AncestorsAsync(node, cancellationToken);
        var kbuild = ancestors.FirstOrDefault(a => a.Kind == "kbuild");
        // The node the test hangs from: its kbuild, else its nearest checkout (a patchset node is a checkout too).
        var build = kbuild ?? ancestors.FirstOrDefault(a => a.Kind == "checkout");
        var path = KcidbPath.Map(node.Path, build?.Path.Count ?? 1, config);
        if (path is null)
        {
            return false;
        }

        var data = node.Data;
        var buildId = kbuild is not null ? Id(kbuild.Id!) : DummyBuild(node, ancestors, batch);
        var status = KcidbStatus.ForTest(node, ancestors);
        var platform = Json.Str(data, "platform");
        var runtime = Json.Str(data, "runtime");
        var test = new JsonObject { ["id"] = Id(node.Id!), ["origin"] = origin, ["build_id"] = buildId }
            .Put("comment", $"{node.Name} on {platform} in {runtime}")
            .Put("start_time", Json.Time(node.Created))
            .Put("path", path)
            .Put("status", status)
            .Put("environment", Environment(data, platform))
            .Put("misc", new JsonObject()
                .PutCopy("test_source", data["test_source"])
                .PutCopy("test_revision", data["test_revision"])
                .PutCopy("compiler", data["compiler"])
                .PutCopy("kernel_type", data["kernel_type"])
                .PutCopy("arch", data["arch"])
                .PutCopy("runtime", data["runtime"])
                .PutCopy("lab", data["runtime"])
                .PutCopy("error_code", data["error_code"])
                .PutCopy("error_msg", data["error_msg"]));

        // Skipped tests ran nothing, so the job's logs would only mislead.
        if (status != "SKIP")
        {
            var artifacts = node.Artifacts.Count > 0 ? node.Artifacts
                : ancestors.TakeWhile(a => a.Kind is not ("kbuild" or "checkout")).FirstOrDefault(a => a.Artifacts.Count > 0)?.Artifacts
                ?? new Dictionary<string, string>();
            var logUrl = Artifact(artifacts, "lava_log") ?? Artifact(artifacts, "test_log");
            var log = await LogAsync(logUrl, cancellationToken);
            test.Put("log_url", logUrl)
                .Put("log_excerpt", LogExcerpts.Excerpt(log))
                .Put("output_files", OutputFiles(artifacts, "lava_log", "test_log"));
            // Upstream triages boots only: a job's log is shared by all its tests, whose failures it would all blame.
            if (status == "FAIL" && path.StartsWith("boot", StringComparison.Ordinal))
            {
                LogTriageIssues.Add(batch, origin, TriagedResultKind.Test, Id(node.Id!), log, LogKind.Boot);
            }
        }

        batch.Tests.Add(test);
        return true;
    }

    private JsonObject Environment(JsonObject data, string? platform)
    {
        var compatible = platform is not null && config.Platforms.TryGetValue(platform, out var p) && p.Compatible.Count > 0
            ? new JsonArray([.. p.Compatible.Select(c => (JsonNode)c)])
            : null;
        return new JsonObject()
            .Put("comment", platform is null ? null : $"{platform} in {Json.Str(data, "runtime")}")
            .Put("compatible", compatible)
            .Put("misc", new JsonObject()
                .Put("platform", platform)
                .PutCopy("measurement", Json.Obj(data, "misc")["measurement"])
                .PutCopy("job_id", data["job_id"])
                .PutCopy("job_context", data["job_context"]));
    }

    /// <summary>KCIDB tests hang from builds; a test run on the checkout itself (kunit) gets a placeholder build.</summary>
    private string DummyBuild(MaestroNode node, IReadOnlyList<MaestroNode> ancestors, KcidbBatch batch)
    {
        var checkout = ancestors.FirstOrDefault(a => a.Kind == "checkout")?.Id ?? node.Parent ?? "";
        var arch = Json.Str(node.Data, "arch");
        var id = $"{origin}:dummy_{checkout}" + (arch is null ? "" : "_" + arch);
        batch.AddBuild(new JsonObject { ["id"] = id, ["origin"] = origin, ["checkout_id"] = Id(checkout) }
            .Put("comment", "Dummy build for tests hanging from checkout")
            .Put("start_time", Json.Time(node.Created))
            .Put("architecture", arch)
            .Put("status", "PASS"));
        return id;
    }

    /// <summary>The node's ancestors, nearest first.</summary>
    private async Task<IReadOnlyList<MaestroNode>> AncestorsAsync(MaestroNode node, CancellationToken cancellationToken) =>
        await NodeAncestors.WalkAsync(node.Parent, CachedNodeAsync, cancellationToken);

    /// <summary>A node read once per batch: the nodes of one hierarchy share their ancestors.</summary>
    private async Task<MaestroNode?> CachedNodeAsync(string id, CancellationToken cancellationToken)
    {
        if (!_nodes.TryGetValue(id, out var node))
        {
            node = await getNode(id, cancellationToken);
            _nodes[id] = node;
        }

        return node;
    }

    private async Task<string?> LogAsync(string? url, CancellationToken cancellationToken)
    {
        if (url is null)
        {
            return null;
        }

        if (!_logs.TryGetValue(url, out var log))
        {
            log = await fetchLog(url, cancellationToken);
            _logs[url] = log;
        }

        return log;
    }

    private static string? Artifact(IReadOnlyDictionary<string, string> artifacts, string name) =>
        artifacts.TryGetValue(name, out var url) ? url : null;

    private static JsonArray OutputFiles(IReadOnlyDictionary<string, string> artifacts, params string[] except) =>
        new([.. artifacts.Where(a => !except.Contains(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => (JsonNode)new JsonObject { ["name"] = a.Key.Replace('/', '_'), ["url"] = a.Value })]);
}
