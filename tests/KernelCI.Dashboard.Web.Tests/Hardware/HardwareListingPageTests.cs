using System.Net;
using KernelCI.Dashboard.Tests;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Web.Tests.Hardware;

public sealed class HardwareListingPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_listing_links_each_platform_to_its_page(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/hardware");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["/hardware/bcm2711-rpi-4-b", "/hardware/rk3399-rock-pi-4b"],
            page.Table("Hardware").QuerySelectorAll("tbody th a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_listing_shows_builds_boots_and_tests_as_words_and_numbers(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/hardware");

        var rock = page.Table("Hardware").QuerySelectorAll("tbody tr")[1].QuerySelectorAll("td").Select(c => c.TextContent).ToList();
        Assert.Contains("1 failed", rock[1], StringComparison.Ordinal);
        Assert.Contains("1 passed", rock[2], StringComparison.Ordinal);
        Assert.Contains("1 passed", rock[3], StringComparison.Ordinal);
        Assert.Contains("1 failed", rock[3], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_listing_counts_open_their_tab(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/hardware?intervalInDays=3");

        Assert.Equal(["/hardware/bcm2711-rpi-4-b?intervalInDays=3", "/hardware/bcm2711-rpi-4-b?intervalInDays=3&tab=boots",
            "/hardware/bcm2711-rpi-4-b?intervalInDays=3&tab=tests"],
            page.Table("Hardware").QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td a.pill-link").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_listing_search_keeps_the_matching_platforms(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/hardware?hardwareSearch=ROCK");

        Assert.Equal(["rk3399-rock-pi-4b"], page.RowHeaders("Hardware"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_listing_pages_with_a_cursor(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var first = await WebPage.GetAsync(app, "/hardware?limit=1&sort=-platform");
        var second = await WebPage.GetAsync(app, first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        Assert.Equal(["rk3399-rock-pi-4b"], first.RowHeaders("Hardware"));
        Assert.Equal(["bcm2711-rpi-4-b"], second.RowHeaders("Hardware"));
        Assert.Null(second.Document.QuerySelector("a[rel=next]"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_listing_of_another_origin_is_empty(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/hardware?origin=redhat");

        Assert.Empty(page.RowHeaders("Hardware"));
        Assert.Equal(["maestro", "redhat"], page.Document.QuerySelectorAll("#origin option").Select(o => o.TextContent));
    }

    [Fact]
    public async Task Hardware_listing_footer_shows_the_kci_dev_command()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var page = await WebPage.GetAsync(app, "/hardware?origin=redhat");

        Assert.Equal("kci-dev results hardware list --origin redhat", page.Document.QuerySelector("footer code")!.TextContent);
    }

    [Theory]
    [InlineData("/hardware?intervalInDays=0", "intervalInDays")]
    [InlineData("/hardware?sort=colour", "sort")]
    [InlineData("/hardware?cursor=zzz", "cursor")]
    public async Task Bad_hardware_listing_parameters_answer_a_400_page_naming_them(string path, string parameter)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var page = await WebPage.GetAsync(app, path);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.StartsWith(parameter + ":", page.Document.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }
}
