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

    public IPage Page { get; }

    public List<string> Problems { get; } = [];

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
