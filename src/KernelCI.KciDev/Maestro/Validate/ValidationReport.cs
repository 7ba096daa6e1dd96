using System.Text.Json.Nodes;

namespace KernelCI.KciDev.Maestro.Validate;

/// <summary>`--json`: upstream's one report (kind, history, origin, days, arch, summary, results), the shape its daily
/// CI reads (kci-dev.md §2.1; kernelci/kci-dev:kcidev/subcommands/maestro/validate/helper.py).</summary>
internal static class ValidationReport
{
    public static JsonObject Create(string kind, IReadOnlyList<ValidationRow> rows, bool history, string origin, int days, string? arch) => new()
    {
        ["kind"] = kind,
        ["history"] = history,
        ["origin"] = origin,
        ["days"] = days,
        ["arch"] = arch,
        ["summary"] = new JsonObject
        {
            ["checked"] = rows.Count,
            ["failed"] = rows.Count(r => !r.Matches),
            ["missing"] = rows.Sum(r => r.MissingIds.Count),
            ["status_mismatches"] = rows.Sum(r => r.StatusMismatchIds.Count),
            ["ok"] = rows.All(r => r.Matches),
        },
        ["results"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
        {
            ["tree_branch"] = r.TreeBranch,
            ["commit"] = r.Commit,
            ["maestro_count"] = r.MaestroCount,
            ["dashboard_count"] = r.DashboardCount,
            ["ok"] = r.Matches,
            ["missing_ids"] = Ids(r.MissingIds),
            ["status_mismatch_ids"] = Ids(r.StatusMismatchIds),
        })]),
    };

    private static JsonArray Ids(IReadOnlyList<string> ids) => new([.. ids.Select(id => (JsonNode)id)]);
}
