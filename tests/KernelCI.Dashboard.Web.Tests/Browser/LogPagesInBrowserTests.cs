using Microsoft.Playwright;

namespace KernelCI.Dashboard.Web.Tests.Browser;

/// <summary>The log viewer in Chromium: it loads cleanly, its jump and part links work by clicking, lines wrap at a
/// phone's width, and axe finds nothing serious in light or dark mode.</summary>
public sealed class LogPagesInBrowserTests(LogLiveFixture fixture) : IClassFixture<LogLiveFixture>
{
    private const int Phone = WatchedPage.PhoneWidth;

    private string LogPath(string log) => "/log?url=" + Uri.EscapeDataString(fixture.Logs.Url(log)) + "&build=maestro:b-00";

    [Fact]
    public async Task Clicking_from_the_listing_reaches_a_tests_log()
    {
        // Issue 17's click path: tree listing → tree → build → test → log, on a tree of its own whose test has a log.
        await fixture.App.SeedAsync(ClickPathDocument(fixture.Logs.Url("kernel.log")));
        await using var watched = await fixture.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync("/tree");

        await page.GetByRole(AriaRole.Link, new() { Name = "clickpath", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/tree/clickpath/main/**");
        await page.Locator("table:has(caption:text('Builds of this commit'))").GetByRole(AriaRole.Link, new() { Name = "click-config", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/build/maestro%3Aclick-build");
        await page.GetByRole(AriaRole.Link, new() { Name = "smoke.log-check", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/test/maestro%3Aclick-test");
        await page.GetByRole(AriaRole.Link, new() { Name = "view log Test log" }).ClickAsync();
        await page.WaitForURLAsync("**/log?url=**");

        await Assertions.Expect(page.Locator("#L4")).ToBeVisibleAsync();
        Assert.Contains("test=maestro%3Aclick-test", page.Url, StringComparison.Ordinal);
        Assert.Empty(watched.Problems);
    }

    [Fact]
    public async Task Log_opens_without_console_errors_or_failed_requests()
    {
        await using var watched = await fixture.OpenAsync();

        await watched.Page.GotoAsync(LogPath("kernel.log.gz"));
        await watched.Page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("log", "desktop"), FullPage = true });

        Assert.Empty(watched.Problems);
    }

    [Fact]
    public async Task First_error_link_jumps_to_its_line()
    {
        await using var watched = await fixture.OpenAsync();
        await watched.Page.GotoAsync(LogPath("kernel.log"));

        await watched.Page.GetByRole(AriaRole.Link, new() { Name = "first error" }).ClickAsync();

        Assert.EndsWith("#L4", watched.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(watched.Page.Locator("#L4")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task Next_part_link_opens_the_next_part()
    {
        await using var watched = await fixture.OpenAsync();
        await watched.Page.GotoAsync(LogPath("big.log"));

        await watched.Page.Locator("a[rel=next]").First.ClickAsync();

        await Assertions.Expect(watched.Page.Locator("a[rel=prev]")).ToBeVisibleAsync();
        Assert.Contains("offset=", watched.Page.Url, StringComparison.Ordinal);
        Assert.Empty(watched.Problems);
    }

    [Fact]
    public async Task Show_the_next_part_here_appends_its_lines()
    {
        await using var watched = await fixture.OpenAsync();
        await watched.Page.GotoAsync(LogPath("big.log"));
        var lines = watched.Page.Locator(".log-line");
        var before = await lines.CountAsync();
        var url = watched.Page.Url;

        await watched.Page.GetByRole(AriaRole.Button, new() { Name = "Show the next part here" }).ClickAsync();

        await Assertions.Expect(watched.Page.Locator($"#L{before + 1}")).ToBeAttachedAsync();
        Assert.Equal(url, watched.Page.Url);
        Assert.Empty(watched.Problems);
    }

    [Fact]
    public async Task Log_at_phone_width_has_no_horizontal_scroll()
    {
        await using var watched = await fixture.OpenAsync(Phone);

        await watched.GotoAsync(LogPath("kernel.log"), "log-phone");

        Assert.True(await watched.ScrollWidthAsync() <= Phone);
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Axe_finds_no_serious_or_critical_violation(ColorScheme scheme)
    {
        await using var watched = await fixture.OpenAsync(scheme: scheme);
        await watched.Page.GotoAsync(LogPath("kernel.log"));

        Assert.Empty(await watched.SeriousViolationsAsync());
    }

    private static string ClickPathDocument(string logUrl) => ClickPathDocument(logUrl,
        DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));

    private static string ClickPathDocument(string logUrl, string start) => $$"""
        {"version": {"major": 5, "minor": 3},
         "checkouts": [{"id": "maestro:click-checkout", "origin": "maestro", "tree_name": "clickpath", "git_repository_branch": "main",
                        "git_repository_url": "https://git.example.org/clickpath.git", "git_commit_hash": "c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1",
                        "start_time": "{{start}}"}],
         "builds": [{"id": "maestro:click-build", "origin": "maestro", "checkout_id": "maestro:click-checkout", "config_name": "click-config",
                     "architecture": "x86_64", "compiler": "gcc-12", "status": "PASS",
                     "start_time": "{{start}}"}],
         "tests": [{"id": "maestro:click-test", "origin": "maestro", "build_id": "maestro:click-build", "path": "smoke.log-check",
                    "status": "FAIL", "log_url": "{{logUrl}}", "start_time": "{{start}}"}]}
        """;
}
