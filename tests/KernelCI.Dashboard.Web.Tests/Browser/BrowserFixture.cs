using KernelCI.Dashboard.Tests;
using KernelCI.Data;
using Microsoft.Playwright;

namespace KernelCI.Dashboard.Web.Tests.Browser;

/// <summary>One seeded dashboard on a real listener and one Debian Chromium driven by Playwright, shared by a class's
/// tests. Playwright cannot download its browsers here, so it runs /usr/bin/chromium (scripts/install-deps.sh --tests).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] Flags =
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private DashboardTestApp? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Where screenshots go: the test's output folder, never the repository.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>Where a screenshot of a page in a variant (desktop, phone, dark) goes.</summary>
    public static string Screenshot(string name, string variant) => Path.Combine(ScreenshotFolder, $"{name}-{variant}.png");

    public async ValueTask InitializeAsync()
    {
        _app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite, kestrel: true);
        await WebSeed.SeedAsync(_app);
        // The labs pages read the pipeline's lab view, which a `serve` host publishes.
        _app.Context.Local.Publish<KernelCI.ServiceDefaults.Labs.ILabView>(new Labs.FakeLabView());
        BaseUrl = _app.Client.BaseAddress!;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = Flags });
    }

    /// <summary>A page of a new context (own storage) at <paramref name="width"/> pixels, recording console errors and
    /// failed requests.</summary>
    public async Task<WatchedPage> OpenAsync(int width = 1280, ColorScheme scheme = ColorScheme.Light, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = scheme,
            JavaScriptEnabled = javaScript,
        });
        // CI runs these beside the end-to-end lane's kernel builds on two cores: one navigation there once took over
        // Playwright's default 30 s (session 18, HardwareIssuePagesInBrowserTests) and never more than a few seconds
        // alone, so a slow machine gets a minute before a wait counts as a failure.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return new WatchedPage(context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
