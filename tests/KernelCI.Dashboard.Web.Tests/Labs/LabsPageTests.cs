using System.Net;
using KernelCI.Dashboard.Tests;
using KernelCI.Data;
using KernelCI.ServiceDefaults.Labs;

namespace KernelCI.Dashboard.Web.Tests.Labs;

public sealed class LabsPageTests
{
    private static async Task<WebPage> GetAsync(string path, ILabView? view)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        if (view is not null)
        {
            app.Context.Local.Publish(view);
        }

        return await WebPage.GetAsync(app, path);
    }

    private static List<string> Cells(WebPage page, string lab, string deviceType) =>
        [.. page.Table("Device types of " + lab).QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == deviceType)
            .QuerySelectorAll("td").Select(c => c.TextContent.Trim())];

    [Fact]
    public async Task Labs_page_without_the_pipeline_in_this_host_says_labs_are_not_configured_here()
    {
        var page = await GetAsync("/labs", null);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Labs are not configured here", page.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Labs_page_shows_each_device_types_jobs_devices_and_submission_to_result_time()
    {
        var page = await GetAsync("/labs", new FakeLabView());

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["3", "2", "1 Good", "10 min / 90 min (20 jobs)"], Cells(page, FakeLabView.Lava, "qemu"));
        Assert.Equal(["0", "1", "2 Good, 1 Maintenance", "-"], Cells(page, FakeLabView.Lava, "bcm2711-rpi-4-b"));
        Assert.Equal(["4", "1", "-", "-"], Cells(page, "pull-lab", "qemu"));
    }

    [Fact]
    public async Task Labs_page_links_each_lab_to_its_own_page()
    {
        var page = await GetAsync("/labs", new FakeLabView());

        Assert.Equal(["/labs/lava-mylab", "/labs/lava-down", "/labs/pull-lab", "/labs/pull-gone"],
            page.Document.QuerySelectorAll("main h2 a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Unreachable_lab_is_shown_with_the_reason()
    {
        var page = await GetAsync("/labs/lava-down", new FakeLabView());

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var facts = page.Document.QuerySelector("main .facts")!.TextContent;
        Assert.Contains("unreachable", facts, StringComparison.Ordinal);
        Assert.Contains("Connection refused", facts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lab_page_shows_only_that_lab()
    {
        var page = await GetAsync("/labs/pull-lab", new FakeLabView());

        Assert.Equal("Lab pull-lab", page.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(["Device types of pull-lab", "Workers of pull-lab"],
            page.Document.QuerySelectorAll("main table caption").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task Pull_lab_shows_its_workers_with_when_each_was_last_seen_and_the_jobs_it_holds()
    {
        var page = await GetAsync("/labs/pull-lab", new FakeLabView());

        var rows = page.Table("Workers of pull-lab").QuerySelectorAll("tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["rack-1 | 2026-12-06 12:00:00 UTC | 1", "rack-2 | 2026-12-06 09:30:00 UTC | 0"], rows);
        var facts = page.Document.QuerySelector("main .facts")!.TextContent;
        Assert.Contains("online", facts, StringComparison.Ordinal);
        Assert.Contains("1 worker seen in the last 5 min", facts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_lab_no_worker_came_to_is_offline_with_the_reason()
    {
        var page = await GetAsync("/labs/pull-gone", new FakeLabView());

        var facts = page.Document.QuerySelector("main .facts")!.TextContent;
        Assert.Contains("offline", facts, StringComparison.Ordinal);
        Assert.Contains("no worker has asked for a job yet", facts, StringComparison.Ordinal);
        Assert.Equal("No worker has asked this lab's jobs yet.", page.Table("Workers of pull-gone").QuerySelector("tbody td")!.TextContent.Trim());
    }

    [Fact]
    public async Task Unknown_lab_is_not_found()
    {
        var page = await GetAsync("/labs/nope", new FakeLabView());

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task Lab_view_that_fails_is_a_message_on_the_page()
    {
        var page = await GetAsync("/labs", new FakeLabView(new HttpRequestException("Maestro is down")));

        Assert.Equal(HttpStatusCode.BadGateway, page.Status);
        Assert.Contains("Maestro is down", page.Document.QuerySelector("main .error-message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigation_links_to_the_labs()
    {
        var page = await GetAsync("/labs", null);

        var link = page.Document.QuerySelectorAll("nav[aria-label=Main] a").Single(a => a.TextContent == "Labs");
        Assert.Equal(("/labs", "page"), (link.GetAttribute("href"), link.GetAttribute("aria-current")));
    }
}
