using KernelCI.Dashboard.Web.Tests.Live;
using Microsoft.Playwright;

namespace KernelCI.Dashboard.Web.Tests.Browser;

/// <summary>Live results in Chromium: results ingested while a commit's page is open update its tab counts and bring
/// the "new results" link, pushed by the server (docs/dashboard.md, "Live results").</summary>
public sealed class LivePagesInBrowserTests(LogLiveFixture fixture) : IClassFixture<LogLiveFixture>
{
    [Fact]
    public async Task Results_ingested_while_the_page_is_open_update_it()
    {
        await using var watched = await fixture.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(WebSeed.HeadPath);
        var fails = page.Locator("[data-live-kind=builds] .pill.fail");
        var before = long.Parse(System.Text.RegularExpressions.Regex.Match(await fails.InnerTextAsync(), @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);

        await fixture.App.SeedAsync(LiveDocuments.Build("maestro:b-browser", LiveDocuments.HeadCheckout, "FAIL"));

        var notice = page.Locator(".live-notice a");
        await Assertions.Expect(notice).ToHaveTextAsync("New results — reload");
        await Assertions.Expect(fails).ToContainTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("polite", await page.Locator(".live-notice").GetAttributeAsync("aria-live"));
        await notice.FocusAsync();
        Assert.True(await notice.EvaluateAsync<bool>("a => document.activeElement === a"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("tree-live", "desktop") });
        Assert.Empty(watched.Problems);
    }

    [Fact]
    public async Task Reload_link_shows_the_new_results()
    {
        await using var watched = await fixture.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(WebSeed.HeadPath + "?status=failed");

        await fixture.App.SeedAsync(LiveDocuments.Build("maestro:b-reload", LiveDocuments.HeadCheckout, "FAIL"));
        await page.Locator(".live-notice a").ClickAsync();

        await Assertions.Expect(page.Locator("table:has(caption:text('Builds of this commit'))")).ToContainTextAsync("live-maestro:b-reload");
        Assert.Empty(watched.Problems);
    }
}
