using System.Text.Json.Nodes;

namespace KernelCI.KciDev.Maestro.Validate;

/// <summary>How upstream matches Maestro nodes with dashboard rows (kci-dev.md §3.3): a dashboard ID is
/// `ORIGIN:NODE_ID`; retried nodes (incomplete, or a failed boot, before their third retry) are left out of the
/// missing-ID search; statuses are mapped from node results.</summary>
internal static class Comparison
{
    public static string NodeId(JsonNode? dashboardItem)
    {
        var id = dashboardItem?["id"]?.ToString() ?? "";
        var parts = id.Split(':');
        return parts.Length > 1 ? parts[1] : id;
    }

    public static ValidationRow Row(string kind, string treeBranch, string commit, IReadOnlyList<JsonObject> maestro, IReadOnlyList<JsonObject> dashboard) =>
        new(treeBranch, commit, maestro.Count, dashboard.Count, Missing(kind, maestro, dashboard), StatusMismatches(kind, maestro, dashboard))
        {
            MissingItems = MissingItems(kind, maestro, dashboard),
        };

    /// <summary>IDs on the side with more items that the other side lacks (upstream's find_missing_items).</summary>
    public static List<string> Missing(string kind, IReadOnlyList<JsonObject> maestro, IReadOnlyList<JsonObject> dashboard) =>
        Find(kind, maestro, dashboard).Ids;

    /// <summary>The missing items themselves: Maestro nodes when Maestro has more, else dashboard rows.</summary>
    public static List<JsonObject> MissingItems(string kind, IReadOnlyList<JsonObject> maestro, IReadOnlyList<JsonObject> dashboard) =>
        Find(kind, maestro, dashboard).Items;

    private static (List<JsonObject> Items, List<string> Ids) Find(string kind, IReadOnlyList<JsonObject> maestro, IReadOnlyList<JsonObject> dashboard)
    {
        var retried = kind == "builds" ? new[] { "incomplete" } : ["incomplete", "fail"];
        var counted = maestro.Where(n => !retried.Contains(Text(n, "result")) || n["retry_counter"]?.GetValueKind() == System.Text.Json.JsonValueKind.Number && (int)n["retry_counter"]! == 3).ToList();
        if (counted.Count > dashboard.Count)
        {
            var dashboardIds = dashboard.Select(NodeId).ToHashSet(StringComparer.Ordinal);
            var items = counted.Where(n => !dashboardIds.Contains(Text(n, "id") ?? "")).ToList();
            return (items, [.. items.Select(n => Text(n, "id") ?? "")]);
        }

        var maestroIds = counted.Select(n => Text(n, "id") ?? "").ToHashSet(StringComparer.Ordinal);
        var rows = dashboard.Where(item => !maestroIds.Contains(NodeId(item))).ToList();
        return (rows, [.. rows.Select(NodeId)]);
    }

    public static List<string> StatusMismatches(string kind, IReadOnlyList<JsonObject> maestro, IReadOnlyList<JsonObject> dashboard)
    {
        var statuses = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var item in dashboard)
        {
            statuses[NodeId(item)] = Text(item, "status");
        }

        return [.. maestro.Where(n => statuses.TryGetValue(Text(n, "id") ?? "", out var status) && status != Expected(kind, n)).Select(n => Text(n, "id")!)];
    }

    /// <summary>The dashboard status a node should have: pass→PASS, fail→FAIL; an incomplete build is ERROR, an
    /// incomplete boot MISS or ERROR by its `data.error_code` (kernelci/kci-dev:kcidev/subcommands/maestro/validate/helper.py).</summary>
    public static string? Expected(string kind, JsonObject node) => Text(node, "result") switch
    {
        "pass" => "PASS",
        "fail" => "FAIL",
        "incomplete" when kind == "builds" => "ERROR",
        "incomplete" => node["data"]?["error_code"]?.ToString() switch
        {
            var code when code is not null && MissedCodes.Contains(code) => "MISS",
            var code when code is not null && ErroredCodes.Contains(code) => "ERROR",
            _ => null,
        },
        _ => null,
    };

    private static readonly HashSet<string> MissedCodes =
    [
        "Bug", "Configuration", "invalid_job_params", "Job", "job_generation_error", "ObjectNotPersisted", "RequestBodyTooLarge",
        "submit_error", "Unexisting permission codename.", "kbuild_internal_error",
    ];

    private static readonly HashSet<string> ErroredCodes = ["Canceled", "Infrastructure", "LAVATimeout", "MultinodeTimeout", "Test"];

    private static string? Text(JsonObject node, string key) => node[key] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.ToString() : null;
}
