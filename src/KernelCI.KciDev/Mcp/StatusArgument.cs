using System.Text.Json.Nodes;

namespace KernelCI.KciDev.Mcp;

/// <summary>The `status` argument of the list tools: upstream's StatusFilter (kernelci/kci-dev:kcidev/libs/filters.py),
/// where inconclusive means ERROR, SKIP, MISS, DONE or no status (kci-dev.md §2.2).</summary>
internal static class StatusArgument
{
    private static readonly string[] Inconclusive = ["ERROR", "SKIP", "MISS", "DONE", "NULL", ""];

    public static Func<JsonObject, bool> Parse(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" => _ => true,
        "pass" => item => Of(item) == "PASS",
        "fail" => item => Of(item) == "FAIL",
        "inconclusive" => item => Inconclusive.Contains(Of(item)),
        _ => throw new ToolArgumentException("status", $"must be pass, fail, inconclusive or all, got '{status}'"),
    };

    private static string Of(JsonObject item) => item["status"]?.ToString().ToUpperInvariant() ?? "";
}
