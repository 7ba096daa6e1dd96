using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;

namespace KernelCI.Dashboard.Tests.Search;

/// <summary>A dashboard seeded with <see cref="SearchSeed"/>, and `search` calls on it.</summary>
internal static class SearchApp
{
    public static async Task<DashboardTestApp> StartAsync(DatabaseKind kind, DashboardOptions? options = null)
    {
        var app = await DashboardTestApp.StartAsync(kind, options);
        await app.SeedAsync(SearchSeed.Document);
        return app;
    }

    public static async Task<JsonArray> HitsAsync(this DashboardTestApp app, string q, string extra = "")
    {
        var reply = await app.GetJsonAsync($"/api/search/?q={Uri.EscapeDataString(q)}{extra}");
        return reply!["hits"]!.AsArray();
    }

    public static IEnumerable<string> Ids(this JsonArray hits) => hits.Select(h => $"{h!["kind"]}:{h["id"]}");

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(this DashboardTestApp app, string path)
    {
        using var response = await app.Client.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }
}
