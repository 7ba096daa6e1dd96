using Microsoft.Playwright;

namespace KernelCI.Dashboard.Web.Tests.Browser;

/// <summary>The compare page, the commit history chart and the metrics page in Debian's Chromium, on WebSeed's
/// mainline/master (two commits): they load cleanly, the pickers, shortcuts and change filter change the URL and the
/// rows, the chart's bars open their commits, JavaScript off (the load, phone, dark mode and axe checks of every page are
/// in PagesInBrowserTests).</summary>
public sealed class ComparePagesInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string ChangedBuilds = "table:has(caption:text('Changed builds from A to B'))";

    private static string Compare => "/tree/mainline/master/compare";

    [Fact]
    public async Task Change_filter_link_changes_the_url_and_the_rows()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(Compare + "?limit=100");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Kind of change" }).GetByRole(AriaRole.Link, new() { NameRegex = new("^Disappeared") }).ClickAsync();
        await page.WaitForURLAsync("**change=disappeared**");
        var rows = await page.Locator(ChangedBuilds + " tbody th").AllTextContentsAsync();

        Assert.Equal(["defconfig"], rows.Select(r => r.Trim()));
        Assert.Empty(watched.Problems);
    }

    [Fact]
    public async Task Picking_a_commit_submits_the_form_and_changes_the_url()
    {
        await using var watched = await browser.OpenAsync(javaScript: false);
        var page = watched.Page;
        await page.GotoAsync(Compare);

        await page.GetByLabel("Commit A").SelectOptionAsync(WebSeed.HeadCommit);
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**hashA={WebSeed.HeadCommit}**");

        // A and B the same commit: nothing changed except what fails on both sides.
        Assert.Equal(["cfg-00", "cfg-10", "cfg-20"], (await page.Locator(ChangedBuilds + " tbody th").AllTextContentsAsync()).Select(r => r.Trim()));
    }

    [Fact]
    public async Task Previous_commit_shortcut_changes_the_url()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync($"{Compare}?hashA={WebSeed.HeadCommit}&hashB={WebSeed.HeadCommit}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Side A: previous commit" }).ClickAsync();
        await page.WaitForURLAsync($"**hashA={WebSeed.OldCommit}**");

        Assert.Equal(WebSeed.OldCommit, await page.GetByLabel("Commit A").InputValueAsync());
    }

    [Fact]
    public async Task Chart_bar_opens_its_commit_and_compare_link_opens_the_compare()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(WebSeed.HeadPath);

        await page.Locator(".history-chart svg a").First.ClickAsync();
        await page.WaitForURLAsync($"**/tree/mainline/master/{WebSeed.OldCommit}");
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Compare with the previous commit" }).ClickAsync();
        await page.WaitForURLAsync("**/compare?**");

        Assert.Equal(WebSeed.OldCommit, await page.GetByLabel("Commit A").InputValueAsync());
        Assert.Equal(WebSeed.HeadCommit, await page.GetByLabel("Commit B").InputValueAsync());
        Assert.Empty(watched.Problems);
    }

    [Fact]
    public async Task Metrics_nav_link_opens_the_metrics_page()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync("/tree");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Metrics" }).ClickAsync();
        await page.WaitForURLAsync("**/metrics");

        Assert.Equal("Metrics", (await page.Locator("h1").TextContentAsync())?.Trim());
        Assert.Empty(watched.Problems);
    }
}
