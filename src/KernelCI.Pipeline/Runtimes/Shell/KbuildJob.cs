using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.Shell;

/// <summary>One kernel build on this machine (kernelci/kernelci-core:kernelci/kbuild.py; docs/pipeline/runtimes.md): fetch the checkout tarball, run build.sh, upload the
/// artifacts to `<job>-<nodeid>/` and write the result on the kbuild node.</summary>
internal sealed class KbuildJob(JobRequest request, RuntimeContext context)
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
        var tarball = Path.Combine(directory, "linux.tarball");
        if (!request.Artifacts.TryGetValue("tarball", out var tarballUrl))
        {
            return KbuildOutcome.Incomplete("invalid_job_params", "artifacts.tarball: the checkout has no source tarball");
        }

        try
        {
            await File.WriteAllTextAsync(log, $"### downloading {tarballUrl}\n", cancellationToken);
            await context.Downloader.DownloadAsync(tarballUrl, tarball, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            KbuildLog.Failed(_logger, _nodeId, "downloading the source tarball", e);
            await File.AppendAllTextAsync(log, $"download failed: {PublicReason.Of(e)}\n", CancellationToken.None);
            return KbuildOutcome.Incomplete("kbuild_internal_error", $"downloading the source tarball {tarballUrl} failed: {PublicReason.Of(e)}");
        }

        var fragments = Path.Combine(directory, "fragments");
        Directory.CreateDirectory(fragments);
        for (var i = 0; i < plan.FragmentFiles.Count; i++)
        {
            await File.WriteAllLinesAsync(Path.Combine(fragments, $"{i}.config"), plan.FragmentFiles[i], cancellationToken);
        }

        var limit = JobParams.Timeout(request.Params, 60);
        var deadline = context.Time.GetUtcNow() + limit;
        var rc = await RunBuildAsync(plan, directory, tarball, artifacts, log, deadline, cancellationToken);
        KbuildLog.Finished(_logger, _nodeId, rc switch { 0 => "pass", 1 => "fail", _ => "incomplete" }, rc);
        return rc switch
        {
            null => KbuildOutcome.Incomplete("node_timeout", $"the build did not finish within {limit.TotalMinutes:0.#} minutes and was stopped"),
            0 => new KbuildOutcome("pass"),
            1 => new KbuildOutcome("fail", null, BuildLogErrors.Excerpt(await File.ReadAllLinesAsync(log, CancellationToken.None))),
            _ => KbuildOutcome.Incomplete("kbuild_internal_error", BuildLogErrors.Excerpt(await File.ReadAllLinesAsync(log, CancellationToken.None))),
        };
    }

    /// <summary>build.sh in the configuration's persistent tree when it is free, else in the job's folder. A tree build
    /// that fails to compile is run again in a fresh folder before a failure is reported, so that no stale object or
    /// config in the tree can fail a good commit; an infrastructure failure (rc 2) or a timeout stays what it is.</summary>
    private async Task<int?> RunBuildAsync(KbuildPlan plan, string directory, string tarball, string artifacts, string log,
        DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var ccache = Path.Combine(context.WorkDirectory, "ccache");
        using var tree = AcquireTree(plan);
        if (tree is null)
        {
            return await RunScriptAsync(BuildScript.Render(plan, tarball, artifacts, ccache), directory, log, deadline, cancellationToken);
        }

        await File.AppendAllTextAsync(log, $"### incremental build in the persistent tree {tree.Directory}{(tree.WasReset ? " (emptied: its last build was stopped mid-way)" : "")}\n",
            cancellationToken);
        tree.MarkInUse();
        var rc = await RunScriptAsync(BuildScript.Render(plan, tarball, artifacts, ccache, tree.Directory), directory, log, deadline, cancellationToken);
        if (rc is null)
        {
            // Killed at the limit: the marker stays, so the next lease empties the tree.
            return rc;
        }

        tree.MarkIdle();
        if (rc != 1)
        {
            return rc;
        }

        KbuildLog.RetryingClean(_logger, _nodeId, tree.Directory);
        await File.AppendAllTextAsync(log, "### the incremental build failed: building again in a fresh folder before reporting a failure\n", cancellationToken);
        rc = await RunScriptAsync(BuildScript.Render(plan, tarball, artifacts, ccache), directory, log, deadline, cancellationToken);
        if (rc == 0)
        {
            // The tree failed where a clean build passed: its state is stale, start it over.
            KbuildLog.TreeReset(_logger, _nodeId, tree.Directory);
            tree.Reset();
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
