using System.Text.Json.Nodes;
using KernelCI.Pipeline.Services.Tarball;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.Shell;

/// <summary>One kernel build on this machine (kernelci/kernelci-core:kernelci/kbuild.py; docs/pipeline/runtimes.md): take
/// the source (the checkout's commit from this host's git cache into a persistent tree when it can, else the checkout
/// tarball; docs/pipeline.md, "Incremental build trees"), run build.sh, upload the artifacts to `<job>-<nodeid>/` and
/// write the result on the kbuild node.</summary>
internal sealed class KbuildJob(JobRequest request, RuntimeContext context, GitCache cache)
{
    private readonly ILogger _logger = context.Loggers.CreateLogger<KbuildJob>();
    private readonly string _nodeId = request.Node.Id!;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var directory = context.JobDirectory("kbuild", request);
        Directory.CreateDirectory(directory);
        KbuildLog.Started(_logger, _nodeId, request.Job.Name, directory);
        try
        {
            await RunInAsync(directory, cancellationToken);
        }
        finally
        {
            TryDelete(directory);
        }
    }

    private async Task RunInAsync(string directory, CancellationToken cancellationToken)
    {
        KbuildPlan plan;
        try
        {
            plan = KbuildPlan.From(request.Params, context.Config);
        }
        catch (InvalidJobParamsException e)
        {
            await FinishAsync(null, KbuildOutcome.Incomplete("invalid_job_params", e.Message), new Dictionary<string, string>(), cancellationToken);
            return;
        }

        var artifacts = Path.Combine(directory, "artifacts");
        Directory.CreateDirectory(artifacts);
        var log = Path.Combine(artifacts, "build.log");
        var outcome = await BuildAsync(plan, directory, artifacts, log, cancellationToken);
        var urls = new Dictionary<string, string>();
        try
        {
            urls = await KbuildUpload.UploadAsync(context, RuntimeContext.StoragePath(request), plan, outcome, artifacts, log, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            KbuildLog.Failed(_logger, _nodeId, "uploading the artifacts", e);
            outcome = KbuildOutcome.Incomplete("kbuild_internal_error", "uploading the artifacts failed: " + PublicReason.Of(e));
        }

        if (outcome.Result == "pass" && !urls.ContainsKey("kernel"))
        {
            outcome = KbuildOutcome.Incomplete("kbuild_internal_error", "the build passed but produced no kernel image");
        }

        await FinishAsync(plan, outcome, urls, cancellationToken);
    }

    private async Task<KbuildOutcome> BuildAsync(KbuildPlan plan, string directory, string artifacts, string log, CancellationToken cancellationToken)
    {
        if (!request.Artifacts.TryGetValue("tarball", out var tarballUrl))
        {
            return KbuildOutcome.Incomplete("invalid_job_params", "artifacts.tarball: the checkout has no source tarball");
        }

        var fragments = Path.Combine(directory, "fragments");
        Directory.CreateDirectory(fragments);
        for (var i = 0; i < plan.FragmentFiles.Count; i++)
        {
            await File.WriteAllLinesAsync(Path.Combine(fragments, $"{i}.config"), plan.FragmentFiles[i], cancellationToken);
        }

        var limit = JobParams.Timeout(request.Params, 60);
        var deadline = context.Time.GetUtcNow() + limit;
        var tarball = Path.Combine(directory, "linux.tarball");
        int? rc;
        using (var tree = AcquireTree(plan))
        {
            var git = tree is null ? null : await LocateCommitAsync(cancellationToken);
            if (git is null && await DownloadAsync(tarballUrl, tarball, log, cancellationToken) is { } failed)
            {
                return failed;
            }

            rc = tree is null
                ? await RunScriptAsync(BuildScript.Render(plan, tarball, artifacts, Ccache), directory, log, deadline, cancellationToken)
                : await RunInTreeAsync(plan, tree, git, tarball, directory, artifacts, log, deadline, cancellationToken);
        }

        KbuildLog.Finished(_logger, _nodeId, rc switch { 0 => "pass", 1 => "fail", _ => "incomplete" }, rc);
        return rc switch
        {
            null => KbuildOutcome.Incomplete("node_timeout", $"the build did not finish within {limit.TotalMinutes:0.#} minutes and was stopped"),
            0 => new KbuildOutcome("pass"),
            1 => new KbuildOutcome("fail", null, BuildLogErrors.Excerpt(await File.ReadAllLinesAsync(log, CancellationToken.None))),
            _ => KbuildOutcome.Incomplete("kbuild_internal_error", BuildLogErrors.Excerpt(await File.ReadAllLinesAsync(log, CancellationToken.None))),
        };
    }

    private string Ccache => Path.Combine(context.WorkDirectory, "ccache");

    /// <summary>Null when the tarball is in the job's folder, else the outcome that reports why not.</summary>
    private async Task<KbuildOutcome?> DownloadAsync(string url, string tarball, string log, CancellationToken cancellationToken)
    {
        try
        {
            await File.AppendAllTextAsync(log, $"### downloading {url}\n", cancellationToken);
            await context.Downloader.DownloadAsync(url, tarball, cancellationToken);
            return null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            KbuildLog.Failed(_logger, _nodeId, "downloading the source tarball", e);
            await File.AppendAllTextAsync(log, $"download failed: {PublicReason.Of(e)}\n", CancellationToken.None);
            return KbuildOutcome.Incomplete("kbuild_internal_error", $"downloading the source tarball {url} failed: {PublicReason.Of(e)}");
        }
    }

    /// <summary>The checkout's commit in this host's git cache, when the tarball is that commit's archive: a plain
    /// checkout (a patchset's tarball holds its patches too: kernel_revision.patchset, or a `patchset` node on the
    /// path) named by a full commit id, whose tree the tarball service already fetched here. Null otherwise, and the
    /// tarball is used.</summary>
    private async Task<GitSource?> LocateCommitAsync(CancellationToken cancellationToken)
    {
        if (request.Node.Data["kernel_revision"] is not JsonObject revision
            || revision["patchset"]?.ToString() is { Length: > 0 }
            || request.Node.Path.Contains("patchset", StringComparer.Ordinal)
            || revision["tree"]?.ToString() is not { Length: > 0 } treeName
            || revision["url"]?.ToString() is not { Length: > 0 } url
            || revision["commit"]?.ToString() is not { Length: 40 or 64 } commit)
        {
            return null;
        }

        try
        {
            return await cache.LocateAsync(treeName, url, commit, cancellationToken) is { } repository ? new GitSource(repository, commit) : null;
        }
        catch (Exception e) when (e is GitCheckoutException or IOException or UnauthorizedAccessException)
        {
            KbuildLog.Failed(_logger, _nodeId, "looking for the commit in the git cache", e);
            return null;
        }
    }

    /// <summary>build.sh in the configuration's persistent tree. A tree build that fails to compile is run again from
    /// nothing before a failure is reported, so that no stale object or config in the tree can fail a good commit: in the
    /// emptied tree when the source comes from git, else in a fresh folder from the tarball. An infrastructure failure
    /// (rc 2) or a timeout stays what it is.</summary>
    private async Task<int?> RunInTreeAsync(KbuildPlan plan, BuildTree tree, GitSource? git, string tarball, string directory,
        string artifacts, string log, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        await File.AppendAllTextAsync(log, $"### incremental build in the persistent tree {tree.Directory}{(tree.WasReset ? " (emptied: its last build was stopped mid-way)" : "")}\n",
            cancellationToken);
        var rc = await RunTreeScriptAsync(plan, tree, git, tarball, directory, artifacts, log, deadline, cancellationToken);
        if (rc != 1)
        {
            return rc;
        }

        KbuildLog.RetryingClean(_logger, _nodeId, tree.Directory);
        if (git is not null)
        {
            await File.AppendAllTextAsync(log, "### the incremental build failed: emptying the tree and building again before reporting a failure\n", cancellationToken);
            tree.Reset();
            return await RunTreeScriptAsync(plan, tree, git, tarball, directory, artifacts, log, deadline, cancellationToken);
        }

        await File.AppendAllTextAsync(log, "### the incremental build failed: building again in a fresh folder before reporting a failure\n", cancellationToken);
        rc = await RunScriptAsync(BuildScript.Render(plan, tarball, artifacts, Ccache), directory, log, deadline, cancellationToken);
        if (rc == 0)
        {
            // The tree failed where a clean build passed: its state is stale, start it over.
            KbuildLog.TreeReset(_logger, _nodeId, tree.Directory);
            tree.Reset();
        }

        return rc;
    }

    private async Task<int?> RunTreeScriptAsync(KbuildPlan plan, BuildTree tree, GitSource? git, string tarball, string directory,
        string artifacts, string log, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        tree.MarkInUse();
        var rc = await RunScriptAsync(BuildScript.Render(plan, tarball, artifacts, Ccache, tree.Directory, git), directory, log, deadline, cancellationToken);
        if (rc is not null)
        {
            // Killed at the limit (null), the marker stays, so the next lease empties the tree.
            tree.MarkIdle();
        }

        return rc;
    }

    private BuildTree? AcquireTree(KbuildPlan plan)
    {
        var options = context.Options.Kbuild;
        if (!options.IncrementalTrees)
        {
            return null;
        }

        var root = options.TreesDirectory ?? Path.Combine(context.WorkDirectory, "kbuild-trees");
        var revision = request.Node.Data["kernel_revision"];
        var source = revision?["url"]?.ToString() ?? revision?["tree"]?.ToString() ?? "";
        try
        {
            var tree = BuildTree.TryAcquire(root, plan.Identity(source), options.MaxTrees, context.Time);
            if (tree is null)
            {
                KbuildLog.TreeBusy(_logger, _nodeId);
            }

            return tree;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            KbuildLog.Failed(_logger, _nodeId, "preparing the persistent build tree", e);
            return null;
        }
    }

    private async Task<int?> RunScriptAsync(string text, string directory, string log, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var script = Path.Combine(directory, "build.sh");
        await File.WriteAllTextAsync(script, text, cancellationToken);
        var left = deadline - context.Time.GetUtcNow();
        return left <= TimeSpan.Zero ? null : await ChildProcess.RunAsync("bash", [script], directory, log, left, context.Time, cancellationToken);
    }

    private async Task FinishAsync(KbuildPlan? plan, KbuildOutcome outcome, Dictionary<string, string> urls, CancellationToken cancellationToken)
    {
        if (outcome.ErrorCode is { } code && outcome.Result != "fail")
        {
            KbuildLog.Incomplete(_logger, _nodeId, code, outcome.ErrorMessage ?? "");
        }

        var node = await context.Nodes.GetAsync(_nodeId, cancellationToken);
        var data = new JsonObject();
        if (plan is not null)
        {
            data["arch"] = plan.Arch;
            data["compiler"] = plan.Compiler;
            data["defconfig"] = string.Join('+', plan.Defconfigs);
            data["fragments"] = new JsonArray(plan.Fragments.Select(f => (JsonNode)f).ToArray());
            data["config_full"] = plan.ConfigFull;
            data["kernel_type"] = plan.KernelType;
        }

        data["error_code"] = outcome.ErrorCode;
        data["error_msg"] = outcome.ErrorMessage;
        var artifacts = new Dictionary<string, string>(node.Artifacts);
        foreach (var (key, url) in urls)
        {
            artifacts[key] = url;
        }

        // Done whatever the result, never available with a holdoff as upstream's kbuild does: kci-dev's watch fails a
        // filtered node that is neither running nor done, and the scheduler reads this running → done/pass update as
        // the `state: available` event upstream's jobs wait for (Scheduler/FinishedBuild.cs, docs/pipeline/runtimes.md).
        await context.Nodes.UpdateAsync(node with
        {
            State = "done",
            Result = outcome.Result,
            Data = NodeWriter.Merge(node.Data, data),
            Artifacts = artifacts,
        }, cancellationToken);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
