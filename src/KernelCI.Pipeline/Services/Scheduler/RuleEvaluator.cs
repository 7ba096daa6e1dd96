using System.Text.Json.Nodes;
using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>Upstream's `rules:` (kernelci/kernelci-core:kernelci/api/helper.py; docs/pipeline/config-and-scheduler.md): tree/branch with `tree:branch` combos first, then
/// min/max version, then any other key searched in the node and its ancestors. A '!' prefix denies.</summary>
internal static class RuleEvaluator
{
    public static bool Allows(Rules rules, RuleContext context)
    {
        if (rules.IsEmpty)
        {
            return true;
        }

        if (!TreeAndBranch(rules.Raw, context))
        {
            return false;
        }

        foreach (var (key, value) in rules.Raw)
        {
            var ok = key switch
            {
                "tree" or "branch" => true,
                "min_version" => Version(context) is { } v && Compare(v, value) >= 0,
                "max_version" => Version(context) is { } v && Compare(v, value) <= 0,
                _ => Generic(Values(value), context.Find(key)),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TreeAndBranch(JsonObject rules, RuleContext context)
    {
        var tree = context.Tree;
        var branch = context.Branch;
        var trees = Values(rules["tree"]);
        var branches = Values(rules["branch"]);
        var combos = trees.Concat(branches).Where(v => v.Contains(':')).ToList();
        foreach (var combo in combos)
        {
            var deny = combo.StartsWith('!');
            if (combo.TrimStart('!') == $"{tree}:{branch}")
            {
                return !deny;
            }
        }

        var plainTrees = trees.Where(v => !v.Contains(':')).ToList();
        var plainBranches = branches.Where(v => !v.Contains(':')).ToList();
        if (plainTrees.Contains("!" + tree) || plainBranches.Contains("!" + branch))
        {
            return false;
        }

        // Rules made only of allowed tree:branch combos name every tree/branch they accept.
        if (combos.Count > 0 && combos.All(c => !c.StartsWith('!')) && plainTrees.Count == 0 && plainBranches.Count == 0)
        {
            return false;
        }

        return InAllowList(plainTrees, tree) && InAllowList(plainBranches, branch);
    }

    private static bool InAllowList(List<string> values, string? actual)
    {
        var allowed = values.Where(v => !v.StartsWith('!')).ToList();
        return allowed.Count == 0 || (actual is not null && allowed.Contains(actual));
    }

    private static bool Generic(List<string> rule, JsonNode? found)
    {
        var allowed = rule.Where(v => !v.StartsWith('!')).ToList();
        var denied = rule.Where(v => v.StartsWith('!')).Select(v => v[1..]).ToList();
        if (found is null)
        {
            return allowed.Count == 0;
        }

        var actual = found is JsonArray list ? list.Select(i => i?.ToString() ?? "").ToList() : [found.ToString()];
        if (actual.Any(denied.Contains))
        {
            return false;
        }

        return allowed.Count == 0 || actual.Any(allowed.Contains);
    }

    private static (long Version, long Patchlevel)? Version(RuleContext context) =>
        context.KernelRevision?["version"] is JsonObject v && Number(v["version"]) is { } major ? (major, Number(v["patchlevel"]) ?? 0) : null;

    private static int Compare((long Version, long Patchlevel) actual, JsonNode? bound) =>
        (actual.Version, actual.Patchlevel).CompareTo((Number(bound?["version"]) ?? 0, Number(bound?["patchlevel"]) ?? 0));

    private static long? Number(JsonNode? node) =>
        node is JsonValue v && long.TryParse(v.ToJsonString().Trim('"'), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    private static List<string> Values(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(i => i?.ToString() ?? "").ToList(),
        _ => [node.ToString()],
    };
}
