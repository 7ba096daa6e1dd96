using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using KernelCI.ServiceDefaults.Metrics;

namespace KernelCI.ServiceDefaults.Tests.Metrics;

public sealed class ComponentMetricsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Counter_renders_under_its_instrument_name_with_no_suffix_and_no_scope_labels()
    {
        await using var host = await MetricsHost.StartAsync();
        host.Meter.CreateCounter<long>("kcidb_submissions_total", description: "Submissions accepted").Add(3);
        host.Meter.CreateCounter<long>("kcidb_submissions_by_origin", description: "Per origin").Add(1);

        var text = await host.ScrapeAsync();

        Assert.Contains("# TYPE kcidb_submissions_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("# HELP kcidb_submissions_total Submissions accepted\n", text, StringComparison.Ordinal);
        Assert.Contains("\nkcidb_submissions_total 3\n", text, StringComparison.Ordinal);
        Assert.Contains("\nkcidb_submissions_by_origin 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("otel_scope", text, StringComparison.Ordinal);
        Assert.DoesNotContain("target_info", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tags_render_as_labels_with_their_values_escaped()
    {
        await using var host = await MetricsHost.StartAsync();
        var counter = host.Meter.CreateCounter<long>("kcidb_submissions_by_origin");
        counter.Add(2, new KeyValuePair<string, object?>("origin", "acme"));
        counter.Add(1, new KeyValuePair<string, object?>("origin", "a\"b{} "));

        var text = await host.ScrapeAsync();

        Assert.Contains("kcidb_submissions_by_origin{origin=\"acme\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("kcidb_submissions_by_origin{origin=\"a\\\"b{} \"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Observable_gauge_is_read_at_each_scrape()
    {
        await using var host = await MetricsHost.StartAsync();
        var free = 2.5;
        host.Meter.CreateObservableGauge("storage_free_space", () => free, description: "Free bytes");

        var first = await host.ScrapeAsync();
        free = 1024;
        var second = await host.ScrapeAsync();

        Assert.Contains("# TYPE storage_free_space gauge\n", first, StringComparison.Ordinal);
        Assert.Contains("\nstorage_free_space 2.5\n", first, StringComparison.Ordinal);
        Assert.Contains("\nstorage_free_space 1024\n", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_apps_in_one_process_each_export_only_their_own_meters()
    {
        await using var one = await MetricsHost.StartAsync();
        await using var two = await MetricsHost.StartAsync();
        one.Meter.CreateCounter<long>("jobs_total").Add(1);
        two.Meter.CreateCounter<long>("jobs_total").Add(5);
        two.Meter.CreateCounter<long>("only_two_total").Add(1);

        var textOne = await one.ScrapeAsync();
        var textTwo = await two.ScrapeAsync();

        Assert.Contains("\njobs_total 1\n", textOne, StringComparison.Ordinal);
        Assert.DoesNotContain("only_two_total", textOne, StringComparison.Ordinal);
        Assert.Contains("\njobs_total 5\n", textTwo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meters_not_made_by_the_apps_factory_or_not_KernelCI_are_not_exported()
    {
        await using var host = await MetricsHost.StartAsync();
        using var global = new Meter("KernelCI.Global");
        global.CreateCounter<long>("global_total").Add(1);
        host.Meter.CreateCounter<long>("mine_total").Add(1);
        await host.ScrapeAsync();

        var text = await host.ScrapeAsync();

        Assert.Contains("mine_total", text, StringComparison.Ordinal);
        Assert.DoesNotContain("global_total", text, StringComparison.Ordinal);
        Assert.DoesNotContain("http_server", text, StringComparison.Ordinal);
        Assert.DoesNotContain("kestrel", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_is_the_classic_text_format_even_when_OpenMetrics_is_asked_for()
    {
        await using var host = await MetricsHost.StartAsync();
        host.Meter.CreateCounter<long>("kcidb_submissions_by_origin").Add(1);
        using var request = new HttpRequestMessage(HttpMethod.Get, ComponentMetrics.Path);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/openmetrics-text; version=1.0.0"));

        using var response = await host.Client.SendAsync(request, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal("text/plain; version=0.0.4", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("\nkcidb_submissions_by_origin 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("# EOF", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_answer_GET_only()
    {
        await using var host = await MetricsHost.StartAsync();

        using var response = await host.Client.PostAsync(ComponentMetrics.Path, null, Cancel);

        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Concurrent_scrapes_all_get_the_metrics()
    {
        await using var host = await MetricsHost.StartAsync();
        host.Meter.CreateCounter<long>("jobs_total").Add(2);

        var texts = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(host.ScrapeAsync, Cancel)));

        Assert.All(texts, text => Assert.Contains("\njobs_total 2\n", text, StringComparison.Ordinal));
    }
}
