using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Events;
using KernelCI.Pipeline.Runtimes;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>Turns node and retry events into job nodes: matching (kernelci/kernelci-core:kernelci/scheduler.py), filters in
/// upstream's order (kernelci/kernelci-pipeline:src/scheduler.py), then node creation, concurrently; the event is
/// handled once its nodes exist and wait in their runtimes' <see cref="SubmissionQueue"/>, so the durable cursor never
/// passes a node that was not created and a slow lab never holds up the event loop (docs/pipeline/config-and-scheduler.md,
/// docs/labs.md "Submission").</summary>
internal sealed class NodeScheduler(SchedulerIndex index, LoadedRuntimes runtimes, JobParamsBuilder builder, MaestroClient maestro,
    Retry retry, DedupGuard guard, SubmissionQueue queue, JobSubmitter submitter, TimeProvider timeProvider, ILogger<NodeScheduler> logger)
{
    /// <summary>Node creations in flight at once for one event.</summary>
    public static int MaxParallel { get; set; } = 32;

    public Task HandleNodeEventAsync(MaestroEvent maestroEvent, CancellationToken cancellationToken)
    {
        if (maestroEvent.Data is not JsonObject data)
        {
            return Task.CompletedTask;
        }

        var fields = TopLevel(data);
        var previous = Previous(data, fields);
        var matched = index.Match("node", fields);
        if (FinishedBuild.AsAvailable(fields) is { } available)
        {
            matched = matched.Concat(index.Match("node", available));
        }

        var matches = matched.Where(m => previous is null || !SchedulerIndex.Matches(m.Entry, previous)).Distinct().ToList();
        return matches.Count == 0 ? Task.CompletedTask : ScheduleAsync(data, matches, isRetry: false, cancellationToken);
    }

    /// <summary>A retry event carries the parent node, with the jobfilter, platform_filter and retry_counter of the new
    /// attempt; matching is level-triggered against `node` (and `retry`) entries.</summary>
    public Task HandleRetryEventAsync(MaestroEvent maestroEvent, CancellationToken cancellationToken)
    {
        if (maestroEvent.Data is not JsonObject data)
        {
            return Task.CompletedTask;
        }

        var fields = TopLevel(data);
        var matches = index.Match("node", fields).Concat(index.Match("retry", fields)).ToList();
        return matches.Count == 0 ? Task.CompletedTask : ScheduleAsync(data, matches, isRetry: true, cancellationToken);
    }

    private async Task ScheduleAsync(JsonObject data, List<ResolvedEntry> matches, bool isRetry, CancellationToken cancellationToken)
    {
        var id = data["id"]?.ToString();
        var ancestors = id is null ? [] : await AncestorsAsync(id, cancellationToken);
        if (ancestors.Count == 0)
        {
            SchedulerLog.NodeGone(logger, id);
            return;
        }

        var parent = ancestors[0];
        var jobfilter = data.ContainsKey("jobfilter") ? Strings(data["jobfilter"]) : parent.Jobfilter;
        var platformFilter = (data.ContainsKey("platform_filter") ? Strings(data["platform_filter"]) : parent.PlatformFilter) ?? [];
        var retryCounter = isRetry ? (int?)data["retry_counter"] ?? 0 : 0;
        var recent = await RecentChildrenAsync(parent.Id!, cancellationToken);
        var ruleNodes = ancestors.Select(a => JsonSerializer.SerializeToNode(a, MaestroJson.Options)!.AsObject()).ToList();
        var plans = new List<SchedulingPlan>();
        foreach (var match in matches)
        {
            if (runtimes.For(match.Entry) is not { } runtime)
            {
                continue;
            }

            foreach (var platform in match.Platforms)
            {
                var view = JobNodeFactory.RuleView(parent, match.Job, runtime.Config.Name, platform.Name);
                var context = new RuleContext([view, .. ruleNodes]);
                var key = DedupGuard.Key(parent.Id!, match.Job.Name, runtime.Config.Name, platform.Name, retryCounter);
                var path = (IReadOnlyList<string>)[.. parent.Path, match.Job.Name];
                var passes = await FrequencyAllowsAsync(match.Job, platform.Name, context, cancellationToken)
                    && ArchitectureAllows(match.Job, parent)
                    && RuleEvaluator.Allows(match.Entry.Rules, context)
                    && !recent.Contains(key) && !guard.Contains(key)
                    && JobFilters.AllowsJob(jobfilter, match.Job.Name, path)
                    && RuleEvaluator.Allows(match.Job.Rules, context)
                    && RuleEvaluator.Allows(runtime.Config.Rules, context)
                    && (match.Job.Kind != "job" || JobFilters.AllowsPlatform(platformFilter, platform.Name))
                    && RuleEvaluator.Allows(platform.Rules, context);
                // Asked last, as upstream does: it costs the lab two REST calls.
                if (passes && runtime is IQueueGate gate)
                {
                    passes = await gate.AdmitsAsync(match.Job, platform, parent, cancellationToken);
                }

                if (passes)
                {
                    var node = JobNodeFactory.Create(parent, match.Job, runtime.Config.Name, platform.Name, retryCounter, jobfilter, platformFilter);
                    plans.Add(new SchedulingPlan(node, match, platform, runtime, key));
                }
            }
        }

        // Two entries can name the same job, runtime and platform: one node, as upstream's dedup gives.
        var unique = plans.DistinctBy(p => p.DedupKey).ToList();
        await Parallel.ForEachAsync(unique, new ParallelOptions { MaxDegreeOfParallelism = MaxParallel, CancellationToken = cancellationToken },
            (plan, ct) => new ValueTask(RunAsync(plan, ancestors, ct)));
    }

    private async Task RunAsync(SchedulingPlan plan, IReadOnlyList<MaestroNode> ancestors, CancellationToken cancellationToken)
    {
        if (guard.Contains(plan.DedupKey))
        {
            return;
        }

        MaestroNode node;
        try
        {
            node = await retry.RunAsync($"create {plan.Entry.Job.Name}", ct => maestro.CreateNodeAsync(plan.Node, ct), cancellationToken);
        }
        catch (MaestroClientException e)
        {
            // Refused for this node alone (Retry already waited out transient failures): the event's other jobs go on.
            SchedulerLog.CreateRefused(logger, plan.Entry.Job.Name, plan.Platform.Name, plan.Node.Parent, e.Message);
            return;
        }

        guard.Add(plan.DedupKey);
        SchedulerLog.Scheduled(logger, plan.Entry.Job.Name, plan.Platform.Name, plan.Runtime.Config.Name, node.Id, node.Parent);
        JobRequest request;
        try
        {
            request = builder.Build(node, plan.Entry.Job, plan.Platform, plan.Runtime.Config.LabType, ancestors);
        }
        catch (InvalidJobParamsException e)
        {
            await submitter.FailAsync(node, "invalid_job_params", e.Message, cancellationToken);
            return;
        }

        await queue.EnqueueAsync(new PendingSubmission(node, plan.Runtime, request), cancellationToken);
    }

    /// <summary>The event's node and its ancestors, nearest first.</summary>
    private Task<List<MaestroNode>> AncestorsAsync(string id, CancellationToken cancellationToken) =>
        NodeAncestors.WalkAsync(id, (current, token) => retry.RunAsync($"get node {current}", ct => maestro.GetNodeAsync(current, ct), token),
            cancellationToken);

    /// <summary>Dedup keys of the parent's children created inside the window, in one query per event.</summary>
    private async Task<HashSet<string>> RecentChildrenAsync(string parentId, CancellationToken cancellationToken)
    {
        var since = timeProvider.GetUtcNow().UtcDateTime - DedupGuard.Window;
        var filter = new NodeFilter().Where("parent", parentId).Where("created", "gte", since);
        var children = await retry.RunAsync($"children of {parentId}", ct => maestro.GetNodesFastAsync(filter, ct), cancellationToken);
        return children.Select(c => DedupGuard.Key(parentId, c.Name, c.Data["runtime"]?.ToString() ?? "", c.Data["platform"]?.ToString() ?? "",
            c.RetryCounter)).ToHashSet(StringComparer.Ordinal);
    }

    private async Task<bool> FrequencyAllowsAsync(JobConfig job, string platform, RuleContext context, CancellationToken cancellationToken)
    {
        if (job.Frequency is not { } frequency)
        {
            return true;
        }

        var filter = new NodeFilter().Where("name", job.Name).Where("data.kernel_revision.tree", context.Tree)
            .Where("data.kernel_revision.branch", context.Branch).Where("data.platform", platform)
            .Where("created", "gte", timeProvider.GetUtcNow().UtcDateTime - frequency);
        return await retry.RunAsync($"frequency of {job.Name}", ct => maestro.CountAsync(filter, ct), cancellationToken) == 0;
    }

    private static bool ArchitectureAllows(JobConfig job, MaestroNode parent) =>
        job.Kind != "kbuild" || Strings(parent.Data["architecture_filter"]) is not { Count: > 0 } archs
        || archs.Contains(job.Params["arch"]?.ToString() ?? "");

    private static Dictionary<string, string?> TopLevel(JsonObject data)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in data)
        {
            if (value is null or JsonValue)
            {
                fields[key] = value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                    ? v.GetValue<bool>() ? "true" : "false"
                    : value?.ToString();
            }
        }

        return fields;
    }

    /// <summary>The event's fields as they were before the update, when it says (edge triggering, kernelci-core#2912).</summary>
    private static Dictionary<string, string?>? Previous(JsonObject data, Dictionary<string, string?> fields)
    {
        if (data["op"]?.ToString() != "updated" || !data.ContainsKey("previous_state"))
        {
            return null;
        }

        var previous = new Dictionary<string, string?>(fields, StringComparer.Ordinal)
        {
            ["state"] = data["previous_state"]?.ToString(),
            ["result"] = data["previous_result"]?.ToString(),
        };
        return previous;
    }

    private static List<string>? Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(i => i?.ToString() ?? "").ToList() : null;
}
