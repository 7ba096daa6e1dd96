using System.Net;
using KernelCI.Dashboard.Tests;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Web.Tests.Trees;

public sealed class TreeListingPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tree_listing_links_each_tree_to_its_latest_checkout(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/tree");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var links = page.Table("Trees").QuerySelectorAll("tbody th[scope=row] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([WebSeed.HeadPath, $"/tree/next/pending-fixes%2Fsub/{WebSeed.NextCommit}"], links);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tree_listing_shows_the_latest_checkouts_counts_as_words_and_numbers(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/tree");

        var mainline = page.Table("Trees").QuerySelectorAll("tbody tr").First();
        var builds = mainline.QuerySelectorAll("td")[3].TextContent;
        Assert.Contains("20 passed", builds, StringComparison.Ordinal);
        Assert.Contains("3 failed", builds, StringComparison.Ordinal);
        Assert.Contains("2 inconclusive", builds, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tree_listing_counts_open_their_tab(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/tree");

        var mainline = page.Table("Trees").QuerySelectorAll("tbody tr").First();
        Assert.Equal([WebSeed.HeadPath, WebSeed.HeadPath + "?tab=boots", WebSeed.HeadPath + "?tab=tests"],
            mainline.QuerySelectorAll("td a.pill-link").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tree_listing_search_keeps_the_matching_trees(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/tree?treeSearch=pending");

        Assert.Equal(["next"], page.RowHeaders("Trees"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tree_listing_pages_with_a_cursor(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var first = await WebPage.GetAsync(app, "/tree?limit=1");
        var next = first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await WebPage.GetAsync(app, next);

        Assert.Equal(["mainline"], first.RowHeaders("Trees"));
        Assert.Equal(["next"], second.RowHeaders("Trees"));
        Assert.Null(second.Document.QuerySelector("a[rel=next]"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tree_listing_offers_the_origins_seen_and_the_one_asked_for(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/tree?origin=redhat");

        Assert.Equal(["maestro", "redhat"], page.Document.QuerySelectorAll("#origin option").Select(o => o.TextContent));
        Assert.Equal("redhat", page.Document.QuerySelector("#origin option[selected]")!.TextContent);
        Assert.Empty(page.RowHeaders("Trees"));
    }

    [Fact]
    public async Task Tree_listing_footer_shows_the_kci_dev_command_of_its_filters()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var page = await WebPage.GetAsync(app, "/tree?intervalInDays=5&origin=microsoft");

        Assert.Equal("kci-dev results trees --days 5 --origin microsoft", page.Document.QuerySelector("footer code")!.TextContent);
    }

    [Fact]
    public async Task Root_redirects_to_the_tree_listing()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var page = await WebPage.GetAsync(app, "/");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/tree", page.Location);
    }

    [Theory]
    [InlineData("/tree?intervalInDays=0", "intervalInDays")]
    [InlineData("/tree?intervalInDays=week", "intervalInDays")]
    [InlineData("/tree?limit=many", "limit")]
    [InlineData("/tree?sort=color", "sort")]
    [InlineData("/tree?cursor=zzz", "cursor")]
    public async Task Bad_listing_parameters_answer_a_400_page_naming_them(string path, string parameter)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var page = await WebPage.GetAsync(app, path);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.StartsWith(parameter + ":", page.Document.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }
}
