using KernelCI.Dashboard.Tests;
using KernelCI.Dashboard.Web.Tests.Logs;
using KernelCI.Data;
using Microsoft.Playwright;

namespace KernelCI.Dashboard.Web.Tests.Browser;

/// <summary>As <see cref="BrowserFixture"/>, for the log viewer and the live results: the seeded dashboard also reads
/// logs from a <see cref="LogSource"/> (allowlisted), and its tests may ingest while a page is open.</summary>
public sealed class LogLiveFixture : IAsyncLifetime
{
    private static readonly string[] Flags =
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private LogSource? _logs;
    private DashboardTestApp? _app;

    internal DashboardTestApp App => _app!;

    internal LogSource Logs => _logs!;

    public async ValueTask InitializeAsync()
    {
        _logs = await LogSource.StartAsync();
        _app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite, new DashboardOptions { ProxyAllowedHosts = ["127.0.0.1"] }, kestrel: true);
        await WebSeed.SeedAsync(_app);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Flags });
    }

    public async Task<WatchedPage> OpenAsync(int width = 1280, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app!.Client.BaseAddress!.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = scheme,
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

        if (_logs is not null)
        {
            await _logs.DisposeAsync();
        }
    }
}
