using Microsoft.Playwright;

namespace KernelCI.Dashboard.Web.Tests.Browser;

/// <summary>The pages in Debian's Chromium (issue 17 item 5): they load cleanly, the links between them work by
/// clicking, paging changes the URL and the rows, a phone's width needs no sideways scroll, dark mode renders, and an
/// axe scan finds nothing serious.</summary>
public sealed class PagesInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int Phone = WatchedPage.PhoneWidth;

    private const string BuildsTable = "table:has(caption:text('Builds of this commit'))";

    private const string HardwarePage = "/hardware/rk3399-rock-pi-4b";

    private const string ComparePage = "/tree/mainline/master/compare";

    private static readonly string IssuePage = "/issue/" + Uri.EscapeDataString("maestro:issue-gpu");

    public static TheoryData<string, string> Pages => new()
    {
        { "tree-listing", "/tree" },
        { "tree-builds", WebSeed.HeadPath },
        { "tree-boots", WebSeed.HeadPath + "?tab=boots" },
        { "tree-tests", WebSeed.HeadPath + "?tab=tests" },
        { "search", "/search?q=" + WebSeed.HeadTag },
        { "hardware-listing", "/hardware" },
        { "hardware-builds", HardwarePage },
        { "hardware-boots", HardwarePage + "?tab=boots" },
        { "hardware-tests", HardwarePage + "?tab=tests" },
        { "issue-listing", "/issues?culprit=any" },
        { "issue-builds", IssuePage },
        { "issue-tests", IssuePage + "?tab=tests" },
        { "compare", ComparePage },
        { "compare-tests", ComparePage + "?tab=tests" },
        { "metrics", "/metrics" },
        { "labs", "/labs" },
        { "lab", "/labs/" + Labs.FakeLabView.Lava },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_opens_without_console_errors_or_failed_requests(string name, string path)
    {
        await using var watched = await browser.OpenAsync();

        await watched.GotoAsync(path, $"{name}-desktop");

        Assert.Empty(watched.Problems);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_at_phone_width_has_no_horizontal_scroll(string name, string path)
    {
        await using var watched = await browser.OpenAsync(Phone);

        await watched.GotoAsync(path, $"{name}-phone");

        Assert.True(await watched.ScrollWidthAsync() <= Phone);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_no_serious_or_critical_violation(string name, string path)
    {
        _ = name;
        await using var watched = await browser.OpenAsync();
        await watched.Page.GotoAsync(path);

        Assert.Empty(await watched.SeriousViolationsAsync());
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_no_serious_or_critical_violation_in_dark_mode(string name, string path)
    {
        await using var watched = await browser.OpenAsync(scheme: ColorScheme.Dark);
        await watched.GotoAsync(path, $"{name}-dark");

        Assert.Empty(await watched.SeriousViolationsAsync());
    }

    // One test for the subscribe page (CI's time is short): its form posted by a click without JavaScript at a phone's
    // width, the answer (this fixture has no notifications component: the page says nothing can be subscribed) fitting
    // the width, then an axe scan of that answer (axe itself is a script, so a second page runs it). The API's answers
    // are SubscribePageTests'.
    [Fact]
    public async Task Subscribe_form_posts_without_javascript_and_its_answer_fits_a_phone_and_passes_axe()
    {
        await using (var plain = await browser.OpenAsync(Phone, javaScript: false))
        {
            await SubmitSubscribeFormAsync(plain.Page);

            Assert.Contains("Notifications are not part of this deployment", await plain.Page.Locator("main .error-message").TextContentAsync(),
                StringComparison.Ordinal);
            Assert.Equal("dev@example.org", await plain.Page.GetByLabel("Email address", new() { Exact = true }).InputValueAsync());
            Assert.True(await plain.ScrollWidthAsync() <= Phone);
        }

        await using var scanned = await browser.OpenAsync();
        await SubmitSubscribeFormAsync(scanned.Page);
        Assert.Empty(await scanned.SeriousViolationsAsync());
    }

    private static async Task SubmitSubscribeFormAsync(IPage page)
    {
        await page.GotoAsync("/subscribe");
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync("dev@example.org");
        await page.GetByLabel("Tree", new() { Exact = true }).FillAsync("mainline");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe", Exact = true }).ClickAsync();
        await page.Locator("main .error-message").WaitForAsync(new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task Clicking_from_the_listing_reaches_a_build()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync("/tree");

        await page.GetByRole(AriaRole.Link, new() { Name = "mainline", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**" + WebSeed.HeadPath);
        await page.Locator(BuildsTable).GetByRole(AriaRole.Link, new() { Name = "cfg-00", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/build/maestro%3Ab-00");

        Assert.Contains("Build maestro:b-00", await page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(watched.Problems);
    }

    [Fact]
    public async Task Next_page_link_changes_the_url_and_the_rows()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(WebSeed.HeadPath + "?sort=config_name&limit=10");
        var firstRows = await page.Locator(BuildsTable + " tbody th").AllTextContentsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await page.WaitForURLAsync("**cursor=**");
        var nextRows = await page.Locator(BuildsTable + " tbody th").AllTextContentsAsync();

        Assert.Equal("cfg-00", firstRows[0]);
        Assert.Equal("cfg-10", nextRows[0]);
        Assert.Contains("cursor=", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_filter_link_changes_the_url_and_the_rows()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(WebSeed.HeadPath + "?sort=config_name");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Status" }).GetByRole(AriaRole.Link, new() { Name = "Failed" }).ClickAsync();
        await page.WaitForURLAsync("**status=failed**");
        var rows = await page.Locator(BuildsTable + " tbody th").AllTextContentsAsync();

        Assert.Equal(["cfg-00", "cfg-10", "cfg-20"], rows.Select(r => r.Trim()));
    }

    [Fact]
    public async Task Dark_mode_follows_the_system_setting()
    {
        await using var watched = await browser.OpenAsync(scheme: ColorScheme.Dark);
        await watched.Page.GotoAsync(WebSeed.HeadPath);
        await watched.Page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("tree-builds", "dark"), FullPage = true });

        Assert.Equal("rgb(17, 20, 24)", await BackgroundAsync(watched.Page));
    }

    [Fact]
    public async Task Dark_mode_switch_overrides_the_system_and_is_remembered()
    {
        await using var watched = await browser.OpenAsync(scheme: ColorScheme.Light);
        var page = watched.Page;
        await page.GotoAsync("/tree");

        await page.GetByRole(AriaRole.Button, new() { Name = "Dark mode" }).ClickAsync();
        await page.ReloadAsync();

        Assert.Equal("rgb(17, 20, 24)", await BackgroundAsync(page));
        Assert.Equal("true", await page.GetByRole(AriaRole.Button, new() { Name = "Dark mode" }).GetAttributeAsync("aria-pressed"));
    }

    [Fact]
    public async Task Expand_all_opens_every_group_of_the_tests()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(WebSeed.HeadPath + "?tab=tests");

        await page.GetByRole(AriaRole.Button, new() { Name = "Expand all" }).ClickAsync();

        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "timers", Exact = true }).IsVisibleAsync());
    }

    [Fact]
    public async Task Tests_hierarchy_and_paging_work_with_javascript_off()
    {
        await using var watched = await browser.OpenAsync(javaScript: false);
        var page = watched.Page;
        await page.GotoAsync(WebSeed.HeadPath + "?tab=tests&limit=1");

        await page.GetByText("baseline", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open baseline" }).ClickAsync();
        await page.WaitForURLAsync("**group=baseline**");
        var opened = await page.GetByRole(AriaRole.Link, new() { Name = "baseline.login" }).IsVisibleAsync();
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await page.WaitForURLAsync("**cursor=**");

        Assert.True(opened);
        Assert.Equal("kselftest", (await page.Locator("#tests-tree > li > details > summary .group-name").AllTextContentsAsync()).Single());
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "Dark mode" }).IsVisibleAsync());
    }

    [Fact]
    public async Task Readme_screenshot_of_a_commit_page_is_small()
    {
        // docs/images/dashboard.png, which the README shows, is this file copied (docs/dashboard.md, "Tests").
        await using var watched = await browser.OpenAsync(1100);
        await watched.Page.GotoAsync(WebSeed.HeadPath);
        var path = BrowserFixture.Screenshot("readme", "tree");

        await watched.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Clip = new Clip { X = 0, Y = 0, Width = 1100, Height = 900 } });

        Assert.InRange(new FileInfo(path).Length, 10_000, 200_000);
    }

    private static Task<string> BackgroundAsync(IPage page) => page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
}
