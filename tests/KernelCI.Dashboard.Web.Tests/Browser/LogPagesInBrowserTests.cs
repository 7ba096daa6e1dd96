using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace KernelCI.Dashboard.Web.Tests.Browser;

/// <summary>The log viewer in Chromium: it loads cleanly, its jump and part links work by clicking, lines wrap at a
/// phone's width, and axe finds nothing serious in light or dark mode.</summary>
public sealed class LogPagesInBrowserTests(LogLiveFixture fixture) : IClassFixture<LogLiveFixture>
{
    private const int Phone = 390;

    private string LogPath(string log) => "/log?url=" + Uri.EscapeDataString(fixture.Logs.Url(log)) + "&build=maestro:b-00";

    [Fact]
    public async Task Log_opens_without_console_errors_or_failed_requests()
    {
        await using var watched = await fixture.OpenAsync();

        await watched.Page.GotoAsync(LogPath("kernel.log.gz"));
        await watched.Page.ScreenshotAsync(new PageScreenshotOptions { Path = LogLiveFixture.Screenshot("log", "desktop"), FullPage = true });

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

        await watched.Page.GotoAsync(LogPath("kernel.log"));
        await watched.Page.ScreenshotAsync(new PageScreenshotOptions { Path = LogLiveFixture.Screenshot("log", "phone"), FullPage = true });

        Assert.True(await watched.Page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= Phone);
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Axe_finds_no_serious_or_critical_violation(ColorScheme scheme)
    {
        await using var watched = await fixture.OpenAsync(scheme: scheme);
        await watched.Page.GotoAsync(LogPath("kernel.log"));

        var results = await watched.Page.RunAxe();

        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ToList();
        Assert.Empty(serious);
    }
}
