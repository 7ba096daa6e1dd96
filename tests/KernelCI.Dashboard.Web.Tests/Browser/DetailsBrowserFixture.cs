using KernelCI.Dashboard.Tests;
using KernelCI.Dashboard.Web.Tests.Details;
using KernelCI.Data;
using Microsoft.Playwright;

namespace KernelCI.Dashboard.Web.Tests.Browser;

/// <summary>As <see cref="BrowserFixture"/>, on <see cref="DetailsSeed"/>'s data (builds with files, tests with a
/// status history) for the build and test pages.</summary>
public sealed class DetailsBrowserFixture : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] Flags =
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private DashboardTestApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        _app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite, kestrel: true);
        await DetailsSeed.SeedAsync(_app);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = Flags });
    }

    /// <summary>A page of a new context at <paramref name="width"/> pixels, recording console errors and failed requests.</summary>
    public async Task<WatchedPage> OpenAsync(int width = 1280, ColorScheme scheme = ColorScheme.Light, bool javaScript = true)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app!.Client.BaseAddress!.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = scheme,
            JavaScriptEnabled = javaScript,
        });
        return new WatchedPage(context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
