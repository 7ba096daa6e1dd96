using KernelCI.Dashboard.Tests;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Web.Tests.Hardware;

public sealed class HardwareTreeSelectionTests
{
    private const string Rock = "/hardware/rk3399-rock-pi-4b";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_page_shows_every_tree_it_ran_by_default(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, Rock);

        Assert.Equal(["mainline", "next"], page.RowHeaders("Trees tested on"));
        Assert.Equal(["/build/maestro%3Ab-00", "/build/maestro%3Ab-next"],
            page.Table("Builds tested on").QuerySelectorAll("tbody th a").Select(a => a.GetAttribute("href")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_page_tree_indexes_keep_the_chosen_trees_rows(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, Rock + "?treeIndexes=1");

        Assert.Equal(["/build/maestro%3Ab-next"], page.Table("Builds tested on").QuerySelectorAll("tbody th a").Select(a => a.GetAttribute("href")));
        var trees = page.Table("Trees tested on").QuerySelectorAll("tbody tr");
        Assert.False(trees[0].QuerySelector("input")!.HasAttribute("checked"));
        Assert.Contains("not shown", trees[0].TextContent, StringComparison.Ordinal);
        Assert.True(trees[1].QuerySelector("input")!.HasAttribute("checked"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_page_tree_selection_keeps_the_tab(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, Rock + "?tab=boots&treeIndexes=0&group=boot");

        Assert.Equal("boots", page.Document.QuerySelector(".tree-selector input[type=hidden][name=tab]")!.GetAttribute("value"));
        Assert.Equal(["/test/maestro%3At-boot-rock"], page.Document.QuerySelectorAll("main a[href^='/test/']").Select(a => a.GetAttribute("href")));
    }
}
