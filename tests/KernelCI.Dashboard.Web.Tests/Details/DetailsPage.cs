using KernelCI.Dashboard.Tests;
using KernelCI.Data;

namespace KernelCI.Dashboard.Web.Tests.Details;

/// <summary>What the build and test page tests share: a dashboard seeded with <see cref="DetailsSeed"/>, and a page's
/// facts (its `dl.facts` terms and values; the first of a repeated term wins).</summary>
internal static class DetailsPage
{
    public static async Task<DashboardTestApp> SeededAsync(DatabaseKind kind)
    {
        var app = await DashboardTestApp.StartAsync(kind);
        await DetailsSeed.SeedAsync(app);
        return app;
    }

    public static Dictionary<string, string> Facts(WebPage page) => page.Document.QuerySelectorAll(".facts > div")
        .GroupBy(d => d.QuerySelector("dt")!.TextContent.Trim())
        .ToDictionary(g => g.Key, g => g.First().QuerySelector("dd")!.TextContent.Trim());
}
