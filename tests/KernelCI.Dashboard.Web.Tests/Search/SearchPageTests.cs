using System.Net;
using KernelCI.Dashboard.Tests;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Web.Tests.Search;

public sealed class SearchPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Search_by_tag_links_to_the_commits_page(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/search?q=" + WebSeed.HeadTag);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(WebSeed.HeadPath, page.Table("Results for").QuerySelectorAll("tbody a").Select(a => a.GetAttribute("href")));
        Assert.Equal(WebSeed.HeadTag, page.Document.QuerySelector("#site-search")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Empty_search_shows_the_box_only()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var page = await WebPage.GetAsync(app, "/search");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll("table"));
    }
}
