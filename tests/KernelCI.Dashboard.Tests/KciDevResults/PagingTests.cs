using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.KciDev.Cli;
using KernelCI.Testing;
using Microsoft.AspNetCore.TestHost;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>`results` follows the dashboard's paging (docs/dashboard-api.md, "Paging"): a long list arrives whole, page
/// by page, printed as it comes; against a server without paging the first answer is the whole list.</summary>
public sealed class PagingTests
{
    private static async Task<(DashboardTestApp App, KciDevHarness KciDev, List<SentRequest> Requests)> StartAsync(DatabaseKind kind,
        Func<HttpMessageHandler, HttpMessageHandler>? wrap = null)
    {
        var app = await DashboardTestApp.StartAsync(kind);
        await ManyTestsSeed.SeedAsync(app);
        var kciDev = new KciDevHarness();
        var requests = new List<SentRequest>();
        kciDev.WriteInstance(dashboardApi: app.ApiUrl);
        kciDev.Environment["KCIDEV_PAGE_SIZE"] = "100";
        kciDev.Handler = () => new RecordingHandler(requests, (wrap ?? (h => h))(app.App.GetTestServer().CreateHandler()));
        return (app, kciDev, requests);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_long_list_arrives_whole_over_many_pages(DatabaseKind kind)
    {
        var (app, kciDev, requests) = await StartAsync(kind);
        await using var _ = app;
        using var __ = kciDev;

        var result = await kciDev.RunAsync(["results", "tests", "--json", .. ManyTestsSeed.Revision]);

        var ids = JsonNode.Parse(result.Output)!.AsArray().Select(t => (string)t!["id"]!).ToList();
        Assert.Equal(Enumerable.Range(0, ManyTestsSeed.Count).Select(i => $"maestro:t-{i:D4}"), ids.Order(StringComparer.Ordinal));
        Assert.Equal(ManyTestsSeed.Count / 100, requests.Count);
        Assert.All(requests.Skip(1), r => Assert.Contains("&limit=100&cursor=", r.PathAndQuery));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Filters_and_count_apply_across_pages(DatabaseKind kind)
    {
        var (app, kciDev, requests) = await StartAsync(kind);
        await using var _ = app;
        using var __ = kciDev;

        var result = await kciDev.RunAsync(["results", "tests", "--status", "fail", "--count", .. ManyTestsSeed.Revision]);

        Assert.Equal($"{ManyTestsSeed.Count / 3}\n", result.Output);
        Assert.Equal(ManyTestsSeed.Count / 100, requests.Count);
    }

    [Fact]
    public async Task Each_page_is_printed_before_the_next_is_asked_for()
    {
        var (app, kciDev, _) = await StartAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = kciDev;
        var output = new StringWriter();
        var printedBeforeSecondPage = "";
        var pages = 0;
        var handler = new Intercept(app.App.GetTestServer().CreateHandler(), () =>
        {
            if (++pages == 2)
            {
                printedBeforeSecondPage = output.ToString();
            }
        });
        var context = new CliContext(new KciConsole(output, new StringWriter(), isTerminal: false), kciDev.Environment.GetValueOrDefault,
            kciDev.HomeDirectory, kciDev.WorkingDirectory, kciDev.SystemConfigDirectory, () => handler, TimeProvider.System);

        var code = await KciDevApp.RunAsync(["results", "tests", "--json", .. ManyTestsSeed.Revision], context);

        Assert.Equal(0, code);
        Assert.StartsWith("[{\"test_path\":", printedBeforeSecondPage);
        Assert.Equal(100, printedBeforeSecondPage.Split("\"id\":").Length - 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_server_without_paging_answers_the_whole_list_at_once(DatabaseKind kind)
    {
        var (app, kciDev, requests) = await StartAsync(kind, inner => new QueryStrippingHandler(inner));
        await using var _ = app;
        using var __ = kciDev;

        var result = await kciDev.RunAsync(["results", "tests", "--count", .. ManyTestsSeed.Revision]);

        Assert.Equal($"{ManyTestsSeed.Count}\n", result.Output);
        Assert.Single(requests);
    }

    [Fact]
    public async Task Hardware_lists_page_with_the_cursor_in_the_query_and_the_window_in_each_body()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await Hardware.HardwareSeed.SeedAsync(app, DateTimeOffset.UtcNow);
        var requests = new List<SentRequest>();

        var run = await ResultsServer.RunOursAsync(app.ApiUrl, k =>
        {
            k.Environment["KCIDEV_PAGE_SIZE"] = "2";
            k.Handler = () => new RecordingHandler(requests, app.App.GetTestServer().CreateHandler());
        }, "results", "hardware", "tests", "--name", Hardware.HardwareSeed.Board, "--json");

        Assert.Equal(["maestro:t11", "maestro:t2", "maestro:t3", "maestro:t4"], run.Ids());
        Assert.Equal(2, requests.Count);
        Assert.Equal($"/api/hardware/{Hardware.HardwareSeed.Board}/tests?limit=2", requests[0].PathAndQuery);
        Assert.StartsWith($"/api/hardware/{Hardware.HardwareSeed.Board}/tests?limit=2&cursor=", requests[1].PathAndQuery);
        Assert.Equal(requests[0].Body, requests[1].Body);
    }

    private sealed class Intercept(HttpMessageHandler inner, Action before) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            before();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
