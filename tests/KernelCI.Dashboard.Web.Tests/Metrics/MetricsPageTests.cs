using System.Net;
using AngleSharp.Html.Parser;
using KernelCI.Dashboard.Tests;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Web.Tests.Metrics;

public sealed class MetricsPageTests
{
    private const string Coverage = "Counts of this period and the previous one";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Metrics_page_shows_the_weeks_counts_against_the_week_before(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var page = await BrowserGetAsync(app, "/metrics");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["Trees 2 0 +2", "Checkouts 3 0 +3", "Builds 27 0 +27", "Tests 5 0 +5", "Issues 0 — —", "Incidents 0 — —"], Rows(page));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Interval_in_the_url_picks_the_window(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        // Yesterday holds the head checkout (25 builds), the day before the next one (1 build).
        var page = await BrowserGetAsync(app, "/metrics?start_days_ago=1&end_days_ago=0");

        Assert.Equal(["Trees 1 1 0", "Checkouts 1 1 0", "Builds 25 1 +24 (+2400%)"], Rows(page).Take(3));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Labs_table_counts_each_labs_builds_boots_and_tests(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await Compare.CompareSeed.SeedAsync(app);

        var page = await BrowserGetAsync(app, "/metrics");

        // Two builds (cfg-same of the middle and head commits) each with a boot and two tests; nothing the week before.
        Assert.Equal([$"{Compare.CompareSeed.Lab} new 2 2 4 0 +4"],
            page.Table("per lab").QuerySelectorAll("tbody tr").Select(r => string.Join(' ', r.Children.Select(c => string.Join(' ',
                c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))))));
    }

    [Fact]
    public async Task Period_links_keep_the_interval_in_the_url()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var page = await BrowserGetAsync(app, "/metrics?start_days_ago=14");

        Assert.Equal("/metrics?start_days_ago=14&end_days_ago=0",
            page.Document.QuerySelector("nav[aria-label=Period] a[aria-current=page]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Metrics_page_links_to_the_api_answer()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var page = await BrowserGetAsync(app, "/metrics");

        Assert.Equal("/api/metrics/?start_days_ago=7&end_days_ago=0", page.Document.QuerySelector(".api-link a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("?start_days_ago=3&end_days_ago=3")]
    [InlineData("?start_days_ago=week")]
    [InlineData("?end_days_ago=-1")]
    public async Task Bad_interval_gives_the_400_page(string query)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var page = await BrowserGetAsync(app, "/metrics" + query);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.NotNull(page.Document.QuerySelector(".error-message"));
    }

    [Fact]
    public async Task Metrics_without_asking_for_html_is_still_the_prometheus_text()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.Client.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
    }

    private static async Task<DashboardTestApp> StartAsync(DatabaseKind kind)
    {
        var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);
        return app;
    }

    // As a browser asks: the listener's Prometheus endpoint answers requests that do not ask for HTML.
    private static async Task<WebPage> BrowserGetAsync(DashboardTestApp app, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new WebPage(response.StatusCode, response.Headers.Location?.OriginalString, html,
            await new HtmlParser().ParseDocumentAsync(html, TestContext.Current.CancellationToken));
    }

    // The number columns of the coverage table (the chart column has no text).
    private static List<string> Rows(WebPage page) =>
        page.Table(Coverage).QuerySelectorAll("tbody tr")
            .Select(r => string.Join(' ', r.Children.Select(c => c.TextContent.Trim()).Where(t => t.Length > 0)))
            .ToList();
}
