using System.Text.Json;
using Microsoft.Playwright;

namespace KernelCI.Bench.DashboardPages;

/// <summary>Opens each page in Debian's Chromium (Playwright cannot download its own browsers here), with the flags
/// docs/dashboard.md gives for the tests, and reads the Navigation Timing, Resource Timing and Largest Contentful
/// Paint entries the page itself records.</summary>
internal sealed class BrowserProbe : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] Flags =
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    // LCP entries are only handed to a PerformanceObserver; `buffered` replays the ones recorded before it existed.
    private const string Measure = """
        () => new Promise(resolve => {
          const nav = performance.getEntriesByType('navigation')[0];
          const transferred = nav.transferSize + performance.getEntriesByType('resource').reduce((sum, r) => sum + r.transferSize, 0);
          const done = lcp => resolve(JSON.stringify({ load: nav.loadEventEnd, lcp, transferred }));
          const timer = setTimeout(() => done(-1), 2000);
          new PerformanceObserver(list => {
            const entries = list.getEntries();
            clearTimeout(timer);
            done(entries[entries.length - 1].startTime);
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        })
        """;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Uri _baseUrl;

    private BrowserProbe(IPlaywright playwright, IBrowser browser, Uri baseUrl)
    {
        _playwright = playwright;
        _browser = browser;
        _baseUrl = baseUrl;
    }

    public static async Task<BrowserProbe> StartAsync(Uri baseUrl)
    {
        if (!File.Exists(Chromium))
        {
            throw new BenchFailure($"{Chromium} is missing: run scripts/install-deps.sh --tests (it installs Debian's chromium)");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = Flags });
        return new BrowserProbe(playwright, browser, baseUrl);
    }

    public async Task<BrowserTimes> LoadAsync(PageTarget page, int loads)
    {
        var load = new List<double>(loads);
        var paint = new List<double>(loads);
        var transferred = new List<long>(loads);
        for (var i = 0; i < loads; i++)
        {
            await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = _baseUrl.ToString(),
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            });
            var tab = await context.NewPageAsync();
            var response = await tab.GotoAsync(page.Path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            if (response is null || response.Status != 200)
            {
                throw new BenchFailure($"{page.Name}: Chromium got {response?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"} for {page.Path}");
            }

            using var figures = JsonDocument.Parse(await tab.EvaluateAsync<string>(Measure));
            var root = figures.RootElement;
            load.Add(root.GetProperty("load").GetDouble());
            var lcp = root.GetProperty("lcp").GetDouble();
            paint.Add(lcp < 0 ? double.NaN : lcp);
            transferred.Add((long)root.GetProperty("transferred").GetDouble());
        }

        return new BrowserTimes(load, paint, transferred);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
