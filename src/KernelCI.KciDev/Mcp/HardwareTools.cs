using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;
using ModelContextProtocol.Server;

namespace KernelCI.KciDev.Mcp;

/// <summary>Hardware platforms over the last 7 days, as upstream's `list_hardware` and `get_hardware_summary`
/// (kernelci/kci-dev:kcidev/libs/dashboard.py: the window is seconds since 1970, sent as strings; names go in the path
/// with `quote_plus`).</summary>
[McpServerToolType]
internal sealed class HardwareTools(DashboardApiClient dashboard, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(7);

    [McpServerTool(Name = "list_hardware", ReadOnly = true, OpenWorld = false)]
    [Description("Hardware platforms with results in the last 7 days; their names work with get_hardware_summary.")]
    public Task<JsonNode> ListHardware([Description("KCIDB origin")] string origin = "maestro", CancellationToken cancellationToken = default)
    {
        var (start, end) = Range();
        return dashboard.GetAsync("hardware/", [new("origin", origin), new("endTimestampInSeconds", end), new("startTimestampInSeconds", start)],
            cancellationToken);
    }

    [McpServerTool(Name = "get_hardware_summary", ReadOnly = true, OpenWorld = false)]
    [Description("Build, boot and test counts of one hardware platform (a name from list_hardware, or a compatible string) over the last 7 days.")]
    public Task<JsonNode> GetHardwareSummary(
        [Description("Hardware name or platform")] string name,
        [Description("KCIDB origin")] string origin = "maestro",
        CancellationToken cancellationToken = default)
    {
        var (start, end) = Range();
        var body = new JsonObject
        {
            ["origin"] = origin,
            ["endTimestampInSeconds"] = end,
            ["startTimestampInSeconds"] = start,
            ["selectedCommits"] = new JsonObject(),
            ["filter"] = new JsonObject(),
        };
        return dashboard.PostAsync($"hardware/{WebUtility.UrlEncode(ToolInput.Required("name", name))}/summary", body, cancellationToken);
    }

    private (string Start, string End) Range()
    {
        var now = time.GetUtcNow();
        return (Seconds(now - Window), Seconds(now));
    }

    private static string Seconds(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
