using System.Text.Json.Nodes;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Services.Scheduler;

namespace KernelCI.Pipeline.Api;

/// <summary>Refuses a checkout or patchset that no scheduler entry would build, rather than creating a node that
/// stays `running`, then `available`, until its timeout with nothing under it (docs/pipeline/api.md). Conservative:
/// only what is known at request time (the event fields, tree and branch rules, the jobfilter) can rule an entry
/// out, so a request is never refused that the scheduler would have built.</summary>
internal static class BuildCoverage
{
    public const string NothingWouldBuild = "nothing would build the checkout";

    /// <param name="name">The node's name: `checkout`, or `patchset`.</param>
    /// <param name="path">The new node's path.</param>
    /// <param name="treeFields">The request fields that chose the tree, named in the refusal.</param>
    /// <summary>The first check, before the request's fields: on a server without a configuration every job filter
    /// would be "unknown", which would hide the real reason.</summary>
    public static void RequireConfigured(PipelineConfig config, string name) => Entries(config, name);

    public static void Require(PipelineConfig config, string name, IReadOnlyList<string> path, string tree, string branch,
        IReadOnlyList<string> jobfilter, string treeFields)
    {
        var entries = Entries(config, name);

        var context = new RuleContext([new JsonObject
        {
            ["data"] = new JsonObject { ["kernel_revision"] = new JsonObject { ["tree"] = tree, ["branch"] = branch } },
        }]);
        entries = [.. entries.Where(e => RuleEvaluator.Allows(TreeRules(e.Rules), context) && RuleEvaluator.Allows(TreeRules(config.Jobs[e.Job].Rules), context))];
        if (entries.Count == 0)
        {
            throw ApiException.BadRequest($"{treeFields}: no scheduler entry builds tree '{tree}' branch '{branch}': {NothingWouldBuild}");
        }

        if (!entries.Any(e => JobFilters.AllowsJob(jobfilter, e.Job, [.. path, e.Job])))
        {
            var jobs = string.Join(", ", entries.Select(e => e.Job).Distinct().Order(StringComparer.Ordinal));
            throw ApiException.BadRequest($"jobfilter: [{string.Join(", ", jobfilter)}] allows none of the jobs run on this {name} ({jobs}): {NothingWouldBuild}");
        }
    }

    private static List<SchedulerEntry> Entries(PipelineConfig config, string name)
    {
        var entries = config.Scheduler.Where(e => e.Channel == "node" && RunsOnNew(e.Event, name) && config.Jobs.ContainsKey(e.Job)).ToList();
        return entries.Count > 0 ? entries
            : throw new ApiException(503, $"this server runs no pipeline configuration (no scheduler entry runs on a new {name}): {NothingWouldBuild}");
    }

    /// <summary>Whether an entry fires when the new node becomes available or done. Event keys other than these
    /// cannot be judged before the node exists, so they do not rule the entry out.</summary>
    private static bool RunsOnNew(IReadOnlyDictionary<string, string> trigger, string name) =>
        trigger.GetValueOrDefault("kind") is null or "checkout"
        && (trigger.GetValueOrDefault("name") is not { } n || n == name)
        && trigger.GetValueOrDefault("state") is null or "available" or "done"
        && trigger.GetValueOrDefault("result") is null or "pass";

    /// <summary>Only the tree and branch rules: the version and the other keys are known once the tarball is made.</summary>
    private static Rules TreeRules(Rules rules)
    {
        var raw = new JsonObject();
        foreach (var key in (string[])["tree", "branch"])
        {
            if (rules.Raw[key] is { } value)
            {
                raw[key] = value.DeepClone();
            }
        }

        return new Rules(raw);
    }
}
