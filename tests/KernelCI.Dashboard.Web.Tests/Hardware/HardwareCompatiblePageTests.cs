using System.Net;
using KernelCI.Dashboard.Tests;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Web.Tests.Hardware;

public sealed class HardwareCompatiblePageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_page_of_a_compatible_shows_the_tests_naming_it(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/hardware/" + Uri.EscapeDataString(HardwareSeed.Compatible) + "?tab=boots&group=boot");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["/test/maestro%3At-next-boot"], page.Document.QuerySelectorAll("main a[href^='/test/']").Select(a => a.GetAttribute("href")));
        Assert.Equal(["next"], page.RowHeaders("Trees tested on"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_listing_shows_the_compatibles_a_platforms_tests_name(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/hardware?hardwareSearch=" + Uri.EscapeDataString(HardwareSeed.Compatible));

        var row = page.Table("Hardware").QuerySelectorAll("tbody tr").Single();
        Assert.Equal("rk3399-rock-pi-4b", row.QuerySelector("th")!.TextContent);
        Assert.Equal("radxa,rockpi4b, rockchip,rk3399", row.QuerySelector("td")!.TextContent);
    }
}
