using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace KernelCI.Dashboard.Web.Tests.Browser;

/// <summary>A browser page that keeps every console error, failed request and HTTP error it sees.</summary>
public sealed class WatchedPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    public WatchedPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Problems.Add("console: " + message.Text);
            }
        };
        page.PageError += (_, error) => Problems.Add("script: " + error);
        page.RequestFailed += (_, request) => Problems.Add($"failed: {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Problems.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
    }

    /// <summary>A phone's width: at it no page may scroll sideways (issue 17).</summary>
    public const int PhoneWidth = 390;

    public IPage Page { get; }

    public List<string> Problems { get; } = [];

    /// <summary>Opens <paramref name="path"/> and keeps a full-page screenshot of it under the test output
    /// (<see cref="BrowserFixture.ScreenshotFolder"/>), named <paramref name="screenshot"/>.</summary>
    public async Task GotoAsync(string path, string screenshot)
    {
        await Page.GotoAsync(path);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, screenshot + ".png"), FullPage = true });
    }

    /// <summary>How wide the page's content is, in CSS pixels (more than the viewport: it scrolls sideways).</summary>
    public Task<int> ScrollWidthAsync() => Page.EvaluateAsync<int>("document.documentElement.scrollWidth");

    /// <summary>What an axe scan of the page finds serious or critical, each with the elements it names.</summary>
    public async Task<List<string>> SeriousViolationsAsync() => (await Page.RunAxe()).Violations
        .Where(v => v.Impact is "serious" or "critical")
        .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ToList();

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
