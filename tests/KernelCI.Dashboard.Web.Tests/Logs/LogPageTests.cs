using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using KernelCI.Dashboard.Tests;
using KernelCI.Dashboard.Web.Logs;
using KernelCI.Data;

namespace KernelCI.Dashboard.Web.Tests.Logs;

public sealed partial class LogPageTests : IAsyncLifetime
{
    private LogSource _source = null!;
    private DashboardTestApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _source = await LogSource.StartAsync();
        _app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite, new DashboardOptions { ProxyAllowedHosts = ["127.0.0.1"] });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _source.DisposeAsync();
    }

    [Fact]
    public async Task Log_lines_are_numbered_with_anchors()
    {
        var page = await GetAsync("kernel.log");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var lines = page.Document.QuerySelectorAll(".log-line");
        Assert.Equal(8, lines.Length);
        Assert.Equal("L1", lines[0].Id);
        Assert.Equal("#L8", lines[7].QuerySelector("a.ln")!.GetAttribute("href"));
        Assert.Equal("[    2.200000] <tag> & \"quotes\" stay text", lines[7].QuerySelector(".log-text")!.TextContent);
    }

    [Fact]
    public async Task Gzipped_log_shows_its_text()
    {
        var page = await GetAsync("kernel.log.gz");

        Assert.Equal(LogSource.Kernel.TrimEnd('\n').Split('\n'), page.Document.QuerySelectorAll(".log-text").Select(t => t.TextContent));
    }

    [Fact]
    public async Task Error_and_warning_lines_are_marked()
    {
        var page = await GetAsync("kernel.log");

        Assert.Equal(["L4", "L5", "L7"], page.Document.QuerySelectorAll(".log-line.error").Select(l => l.Id));
        Assert.Equal(["L3", "L6"], page.Document.QuerySelectorAll(".log-line.warning").Select(l => l.Id));
        Assert.Equal("✗ error", page.Document.QuerySelector("#L5 .log-kind")!.TextContent);
    }

    [Fact]
    public async Task Counts_and_first_links_lead_the_page()
    {
        var page = await GetAsync("kernel.log");

        var summary = page.Document.QuerySelector(".log-summary")!;
        Assert.Contains("3 error lines", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 warning lines", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal(["#L4", "#L3"], summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Each_marked_line_links_to_the_next_of_its_kind()
    {
        var page = await GetAsync("kernel.log");

        Assert.Equal("#L5", page.Document.QuerySelector("#L4 .log-next")!.GetAttribute("href"));
        Assert.Equal("#L6", page.Document.QuerySelector("#L3 .log-next")!.GetAttribute("href"));
        Assert.Null(page.Document.QuerySelector("#L7 .log-next"));
    }

    [Fact]
    public void Patterns_are_the_kernels_and_the_toolchains()
    {
        Assert.Equal(LogLineKind.Error, LogPatterns.Classify("[   5.1] Unable to handle kernel paging request at virtual address dead"));
        Assert.Equal(LogLineKind.Error, LogPatterns.Classify("[   5.1] Internal error: Oops: 96000004 [#1] SMP"));
        Assert.Equal(LogLineKind.Error, LogPatterns.Classify("make[2]: *** [scripts/Makefile.build:243: foo.o] Error 1"));
        Assert.Equal(LogLineKind.Warning, LogPatterns.Classify("[   1.0] WARNING: suspicious RCU usage"));
        Assert.Equal(LogLineKind.Plain, LogPatterns.Classify("[   1.0] errors=0 warnings=0 BUGS none"));
    }

    [Fact]
    public async Task First_part_of_a_big_log_is_bounded()
    {
        using var response = await _app.Client.GetAsync(Path("big.log"), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = await WebPage.GetAsync(_app, Path("big.log"));

        var lines = page.Document.QuerySelectorAll(".log-line");
        Assert.True(lines.Length * 100 <= LogPartReader.PartBytes, $"{lines.Length} lines");
        Assert.True(html.Length < 2 * LogPartReader.PartBytes + 400_000, $"{html.Length} characters of HTML");
        Assert.Contains(LogSource.Big.Length.ToString("N0", CultureInfo.InvariantCulture) + " bytes", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_part_link_continues_where_the_part_ended()
    {
        var first = await WebPage.GetAsync(_app, Path("big.log"));
        var next = first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var last = first.Document.QuerySelectorAll(".log-line").Last().Id!;

        var second = await WebPage.GetAsync(_app, next);

        var number = long.Parse(last[1..], CultureInfo.InvariantCulture);
        Assert.Equal("L" + (number + 1), second.Document.QuerySelector(".log-line")!.Id);
        Assert.Equal($"line {number + 1:D7} ", second.Document.QuerySelector(".log-text")!.TextContent[..13]);
        Assert.Matches(OffsetParameter(), next);
    }

    [Fact]
    public async Task Previous_part_link_of_the_second_part_is_the_first()
    {
        var first = await WebPage.GetAsync(_app, Path("big.log"));
        var second = await WebPage.GetAsync(_app, first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        Assert.Null(first.Document.QuerySelector("a[rel=prev]"));
        Assert.Equal(Path("big.log"), second.Document.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Later_part_of_a_log_served_by_ranges_is_fetched_from_just_before_it()
    {
        var first = await WebPage.GetAsync(_app, Path("ranged.log"));
        var second = await WebPage.GetAsync(_app, first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        var next = second.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var offset = long.Parse(QueryOf(next)["offset"]!, CultureInfo.InvariantCulture);
        _source.Ranges.Clear();

        await WebPage.GetAsync(_app, next);

        Assert.Equal(["bytes=0-1", $"bytes={offset - LogPartReader.LookBehind}-"], _source.Ranges);
    }

    [Theory]
    [InlineData("ranged.log")]
    [InlineData("ranged.log.gz")]
    public async Task Third_part_and_its_previous_part_number_lines_as_the_whole_log(string log)
    {
        var first = await WebPage.GetAsync(_app, Path(log));
        var second = await WebPage.GetAsync(_app, first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        var third = await WebPage.GetAsync(_app, second.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        var back = await WebPage.GetAsync(_app, third.Document.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);

        var line = third.Document.QuerySelector(".log-line")!;
        Assert.Equal($"line {long.Parse(line.Id![1..], CultureInfo.InvariantCulture):D7} ", line.QuerySelector(".log-text")!.TextContent[..13]);
        Assert.Equal(second.Document.QuerySelector(".log-line")!.Id, back.Document.QuerySelector(".log-line")!.Id);
        Assert.Equal(second.Document.QuerySelectorAll(".log-line").Length, back.Document.QuerySelectorAll(".log-line").Length);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("x")]
    public async Task Bad_line_is_a_400_page(string line)
    {
        var page = await WebPage.GetAsync(_app, Path("ranged.log") + "&offset=500000&line=" + line);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("line", page.Document.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ranged_offset_past_the_end_is_a_400_page()
    {
        var page = await WebPage.GetAsync(_app, Path("ranged.log") + "&offset=99999999&line=9");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("offset", page.Document.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offset_inside_a_line_starts_at_the_next_line()
    {
        var page = await WebPage.GetAsync(_app, Path("big.log") + "&offset=150");

        Assert.Equal("L3", page.Document.QuerySelector(".log-line")!.Id);
    }

    [Fact]
    public async Task Raw_link_is_the_proxy_api()
    {
        var page = await GetAsync("kernel.log");

        Assert.Equal("/api/proxy?url=" + Uri.EscapeDataString(_source.Url("kernel.log")),
            page.Document.QuerySelector("a[download]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Build_parameter_links_back_to_the_build()
    {
        var page = await WebPage.GetAsync(_app, Path("kernel.log") + "&build=maestro:b-00");

        Assert.Equal("/build/maestro%3Ab-00", page.Document.QuerySelector(".breadcrumb a[href^='/build/']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Upstream_log_viewer_url_redirects_here()
    {
        var page = await WebPage.GetAsync(_app, "/log-viewer?url=" + Uri.EscapeDataString(_source.Url("kernel.log")) + "&type=test&itemId=maestro:t-1");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(Path("kernel.log") + "&test=maestro%3At-1", page.Location);
    }

    [Fact]
    public async Task Host_outside_the_allowlist_is_a_403_page()
    {
        var page = await WebPage.GetAsync(_app, "/log?url=" + Uri.EscapeDataString("https://logs.example.org/kernel.log"));

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("not an allowed log host", page.Document.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_log_is_a_404_page()
    {
        var page = await GetAsync("missing.log");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.NotNull(page.Document.QuerySelector(".error-message"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("99999999")]
    public async Task Bad_offset_is_a_400_page(string offset)
    {
        var page = await WebPage.GetAsync(_app, Path("kernel.log") + "&offset=" + offset);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("offset", page.Document.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_url_is_a_400_page()
    {
        var page = await WebPage.GetAsync(_app, "/log");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
    }

    private static System.Collections.Specialized.NameValueCollection QueryOf(string link) =>
        System.Web.HttpUtility.ParseQueryString(link[(link.IndexOf('?', StringComparison.Ordinal) + 1)..]);

    private string Path(string log) => "/log?url=" + Uri.EscapeDataString(_source.Url(log));

    private Task<WebPage> GetAsync(string log) => WebPage.GetAsync(_app, Path(log));

    [GeneratedRegex(@"[?&]offset=\d+&line=\d+$")]
    private static partial Regex OffsetParameter();
}
