using Microsoft.Playwright;

namespace KernelCI.Dashboard.Web.Tests.Browser;

/// <summary>The hardware and issue pages in Debian's Chromium: clicking goes from a listing to a build or a test,
/// filters and paging change the URL and the rows, the tree selector works with JavaScript off (the load, phone, dark
/// mode and axe checks of every page are in PagesInBrowserTests).</summary>
public sealed class HardwareIssuePagesInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Rock = "/hardware/rk3399-rock-pi-4b";

    private static readonly string Gpu = "/issue/" + Uri.EscapeDataString("maestro:issue-gpu");

    [Fact]
    public async Task Clicking_from_the_hardware_listing_reaches_a_test()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync("/hardware");

        await page.GetByRole(AriaRole.Link, new() { Name = "rk3399-rock-pi-4b", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**" + Rock);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Result kinds" }).GetByRole(AriaRole.Link, new() { Name = "Tests" }).ClickAsync();
        await page.WaitForURLAsync("**tab=tests");
        await page.GetByRole(AriaRole.Button, new() { Name = "Expand all" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "timers", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**group=kselftest.timers**");
        await page.GetByRole(AriaRole.Link, new() { Name = "kselftest.timers.nanosleep" }).ClickAsync();
        await page.WaitForURLAsync("**/test/maestro%3At-nanosleep");

        Assert.Empty(watched.Problems);
    }

    [Fact]
    public async Task Clicking_from_the_issue_listing_reaches_a_build()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync("/issues");

        await page.GetByRole(AriaRole.Link, new() { Name = "gpu driver build breaks" }).ClickAsync();
        await page.WaitForURLAsync("**/issue/maestro%3Aissue-gpu?version=1");
        await page.GetByRole(AriaRole.Link, new() { Name = "cfg-10", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/build/maestro%3Ab-10");

        Assert.Empty(watched.Problems);
    }

    [Fact]
    public async Task Hardware_search_changes_the_url_and_the_rows()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync("/hardware");

        await page.GetByLabel("Platform or compatible").FillAsync("rpi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync("**hardwareSearch=rpi**");

        Assert.Equal(["bcm2711-rpi-4-b"], (await page.Locator("table tbody th").AllTextContentsAsync()).Select(t => t.Trim()));
    }

    [Fact]
    public async Task Hardware_listing_next_page_changes_the_url_and_the_rows()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync("/hardware?limit=1");
        var first = await page.Locator("table tbody th").AllTextContentsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await page.WaitForURLAsync("**cursor=**");
        var next = await page.Locator("table tbody th").AllTextContentsAsync();

        Assert.Equal(["bcm2711-rpi-4-b"], first.Select(t => t.Trim()));
        Assert.Equal(["rk3399-rock-pi-4b"], next.Select(t => t.Trim()));
    }

    [Fact]
    public async Task Tree_selector_and_tabs_work_with_javascript_off()
    {
        await using var watched = await browser.OpenAsync(javaScript: false);
        var page = watched.Page;
        await page.GotoAsync(Rock + "?tab=tests");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show the ticked trees" }).ClickAsync();
        await page.WaitForURLAsync("**treeIndexes=0**");
        await page.GetByText("kselftest", new() { Exact = true }).ClickAsync();

        Assert.Contains("tab=tests", page.Url, StringComparison.Ordinal);
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Show every tree" }).IsVisibleAsync());
        Assert.True(await page.GetByText("timers", new() { Exact = true }).IsVisibleAsync());
    }

    [Fact]
    public async Task Issue_culprit_filter_changes_the_url_and_the_rows_with_javascript_off()
    {
        await using var watched = await browser.OpenAsync(javaScript: false);
        var page = watched.Page;
        await page.GotoAsync("/issues");
        var before = await page.Locator("table tbody th").AllTextContentsAsync();

        await page.GetByLabel("Culprit").SelectOptionAsync("tool");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync("**culprit=tool**");

        Assert.StartsWith("gpu driver build breaks", before.Single().Trim(), StringComparison.Ordinal);
        Assert.Equal("No issues were found.", (await page.Locator("table tbody td").AllTextContentsAsync()).Single());
    }
}
