using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Dashboard.Tests;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Web.Tests.Issues;

public sealed class IssueListingPagingTests
{
    private const int Issues = 250;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_listing_of_many_issues_shows_one_page_and_a_next_link(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await app.SeedAsync(ManyIssues().ToJsonString());

        var page = await WebPage.GetAsync(app, "/issues?sort=comment");

        Assert.Equal(20, page.Table("Issues").QuerySelectorAll("tbody tr").Length);
        Assert.Contains($"{Issues} issues", page.Document.QuerySelector("p.note")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("a[rel=next]"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_listing_next_page_continues_where_the_first_ended(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await app.SeedAsync(ManyIssues().ToJsonString());

        var first = await WebPage.GetAsync(app, "/issues?sort=comment&limit=10");
        var second = await WebPage.GetAsync(app, first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        Assert.Equal("issue 009", first.Table("Issues").QuerySelectorAll("tbody th a").Last().TextContent);
        Assert.Equal("issue 010", second.Table("Issues").QuerySelectorAll("tbody th a").First().TextContent);
    }

    // Issues without incidents stay in the listing (upstream's rule), so no builds are needed.
    private static JsonObject ManyIssues() => new()
    {
        ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
        ["issues"] = new JsonArray([.. Enumerable.Range(0, Issues).Select(n => (JsonNode)new JsonObject
        {
            ["id"] = "maestro:many-" + n.ToString(CultureInfo.InvariantCulture), ["version"] = 1, ["origin"] = "maestro",
            ["comment"] = "issue " + n.ToString("000", CultureInfo.InvariantCulture), ["culprit"] = new JsonObject { ["code"] = true },
        })]),
    };
}
