using System.Net;
using KernelCI.Dashboard.Tests;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Web.Tests.Hardware;

public sealed class HardwareDetailsPageTests
{
    private const string Rock = "/hardware/rk3399-rock-pi-4b";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_page_lists_the_builds_tested_on_it_linking_to_them(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, Rock);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("rk3399-rock-pi-4b", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal(["/build/maestro%3Ab-00"], page.Table("Builds tested on").QuerySelectorAll("tbody th a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_page_tests_tab_links_each_test_to_its_page(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, Rock + "?tab=tests&group=kselftest.timers");

        Assert.Equal(["/test/maestro%3At-nanosleep", "/test/maestro%3At-posix"],
            page.Document.QuerySelectorAll("main a[href^='/test/']").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_page_boots_tab_counts_its_boots(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/hardware/bcm2711-rpi-4-b?tab=boots&group=boot");

        Assert.Equal(["/test/maestro%3At-boot-rpi"], page.Document.QuerySelectorAll("main a[href^='/test/']").Select(a => a.GetAttribute("href")));
        Assert.Contains("1 failed", page.Document.QuerySelector(".tabs a[aria-current=page]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_page_tests_tab_groups_leave_out_its_boots(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        // The tab reads only its own kind of rows; the board's boot must not appear among its tests.
        var page = await WebPage.GetAsync(app, Rock + "?tab=tests");

        Assert.Equal(["kselftest"], page.Document.QuerySelectorAll("main .group-name").Select(g => g.TextContent));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_page_lists_its_trees_ticked_and_linked(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, Rock);

        var tree = page.Table("Trees tested on").QuerySelectorAll("tbody tr").Single();
        Assert.Equal(WebSeed.HeadPath, tree.QuerySelector("th a")!.GetAttribute("href"));
        Assert.True(tree.QuerySelector("input[name=treeIndexes][value='0']")!.HasAttribute("checked"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_page_shows_the_labs_card(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, Rock);

        Assert.Equal(["k8s-arm64"], page.Document.QuerySelectorAll("#labs-title + div tbody th").Select(t => t.TextContent));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_page_status_filter_changes_the_rows(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, Rock + "?tab=tests&status=success&group=kselftest.timers");

        Assert.Equal(["/test/maestro%3At-posix"], page.Document.QuerySelectorAll("main a[href^='/test/']").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Unknown_hardware_answers_a_404_page(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/hardware/no-such-board");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Theory]
    [InlineData("?tab=logs", "tab")]
    [InlineData("?treeIndexes=7", "treeIndexes")]
    [InlineData("?treeIndexes=first", "treeIndexes")]
    [InlineData("?intervalInDays=-1", "intervalInDays")]
    [InlineData("?status=broken", "status")]
    [InlineData("?sort=colour", "sort")]
    public async Task Bad_hardware_parameters_answer_a_400_page_naming_them(string query, string parameter)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, Rock + query);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.StartsWith(parameter + ":", page.Document.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hardware_page_footer_shows_the_kci_dev_command_of_its_tab()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, Rock + "?tab=boots&group=boot");

        Assert.Equal("kci-dev results hardware boots --name 'rk3399-rock-pi-4b'", page.Document.QuerySelector("footer code")!.TextContent);
    }
}
