using System.Net;
using KernelCI.Dashboard.Tests;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Web.Tests.Live;

public sealed class LiveResultsTests
{
    private static string LivePath => "/live" + WebSeed.HeadPath;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Stream_is_an_event_stream_that_starts_with_the_current_counts(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        await using var stream = await SseClient.OpenAsync(app.Client, LivePath);
        var first = await stream.NextAsync();

        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("results", first.Type);
        Assert.Equal(WebSeed.HeadBuilds, first.Count("builds", "pass") + first.Count("builds", "fail") + first.Count("builds", "inconclusive"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Ingesting_for_the_checkout_pushes_its_new_counts(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        await using var stream = await SseClient.OpenAsync(app.Client, LivePath);
        var before = await stream.NextAsync();

        await app.SeedAsync(LiveDocuments.Build("maestro:b-live", LiveDocuments.HeadCheckout, "FAIL"),
            LiveDocuments.Boot("maestro:t-live", "maestro:b-live", "PASS"));
        var after = await stream.NextAsync();
        if (after.Count("boots", "pass") == before.Count("boots", "pass"))
        {
            // The two documents are two batches: the build's event may come before the boot's.
            after = await stream.NextAsync();
        }

        Assert.Equal(before.Count("builds", "fail") + 1, after.Count("builds", "fail"));
        Assert.Equal(before.Count("boots", "pass") + 1, after.Count("boots", "pass"));
        Assert.NotEqual(before.Id, after.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Results_of_another_checkout_send_nothing(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        await using var stream = await SseClient.OpenAsync(app.Client, LivePath);
        var before = await stream.NextAsync();

        await app.SeedAsync(LiveDocuments.Build("maestro:b-other", LiveDocuments.OtherCheckout, "FAIL"));
        await app.SeedAsync(LiveDocuments.Build("maestro:b-mine", LiveDocuments.HeadCheckout, "PASS"));
        var next = await stream.NextAsync();

        // The first event after both is the head checkout's own, with its one new build and no other.
        Assert.Equal(before.Count("builds", "pass") + 1, next.Count("builds", "pass"));
        Assert.Equal(before.Count("builds", "fail"), next.Count("builds", "fail"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Last_event_id_of_the_current_counts_sends_nothing_until_they_change(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        string current;
        await using (var first = await SseClient.OpenAsync(app.Client, LivePath))
        {
            current = (await first.NextAsync()).Id!;
        }

        await using var resumed = await SseClient.OpenAsync(app.Client, LivePath, lastEventId: current);
        await app.SeedAsync(LiveDocuments.Build("maestro:b-resumed", LiveDocuments.HeadCheckout, "PASS"));
        var next = await resumed.NextAsync();

        Assert.NotEqual(current, next.Id);
    }

    [Fact]
    public async Task Stale_since_sends_the_counts_at_once()
    {
        await using var app = await StartAsync(DatabaseKind.Sqlite);

        await using var stream = await SseClient.OpenAsync(app.Client, LivePath + "?since=0.0.0-0.0.0-0.0.0");
        var first = await stream.NextAsync();

        Assert.NotEqual("0.0.0-0.0.0-0.0.0", first.Id);
    }

    [Fact]
    public async Task Closing_the_stream_ends_its_subscription()
    {
        await using var app = await StartAsync(DatabaseKind.Sqlite);
        var live = (Web.Live.LiveResults)app.App.Services.GetService(typeof(Web.Live.LiveResults))!;
        await using (var stream = await SseClient.OpenAsync(app.Client, LivePath))
        {
            await stream.NextAsync();
            Assert.Equal(1, live.Count);
        }

        await live.WaitForNoneAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, live.Count);
    }

    [Fact]
    public async Task Unknown_commit_is_404()
    {
        await using var app = await StartAsync(DatabaseKind.Sqlite);

        using var response = await app.Client.GetAsync("/live/tree/mainline/master/" + new string('9', 40), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tree_page_links_its_stream_with_the_counts_it_shows(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        await using var stream = await SseClient.OpenAsync(app.Client, LivePath);
        var current = await stream.NextAsync();

        var page = await WebPage.GetAsync(app, WebSeed.HeadPath);

        var notice = page.Document.QuerySelector("[data-live-url]")!;
        Assert.Equal(LivePath, notice.GetAttribute("data-live-url"));
        Assert.Equal(current.Id, notice.GetAttribute("data-live-since"));
        Assert.Equal("polite", notice.GetAttribute("aria-live"));
        Assert.Equal("true", notice.GetAttribute("data-live-counts"));
        var builds = page.Document.QuerySelector("[data-live-kind=builds] .pill.fail")!.TextContent;
        Assert.Contains(current.Count("builds", "fail").ToString(System.Globalization.CultureInfo.InvariantCulture), builds, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtered_tree_page_keeps_its_own_counts()
    {
        await using var app = await StartAsync(DatabaseKind.Sqlite);

        var page = await WebPage.GetAsync(app, WebSeed.HeadPath + "?filter_architecture=arm64");

        Assert.Equal("false", page.Document.QuerySelector("[data-live-url]")!.GetAttribute("data-live-counts"));
    }

    [Fact]
    public async Task Streams_past_the_limit_are_answered_503_with_a_retry()
    {
        await using var app = await StartAsync(DatabaseKind.Sqlite, new DashboardOptions { MaxLiveStreams = 1 });
        await using var first = await SseClient.OpenAsync(app.Client, LivePath);
        await first.NextAsync();

        await using var second = await SseClient.OpenAsync(app.Client, LivePath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.Response.StatusCode);
        Assert.Equal("30", second.Response.Headers.RetryAfter?.ToString());
    }

    private static async Task<DashboardTestApp> StartAsync(DatabaseKind kind, DashboardOptions? options = null)
    {
        var app = await DashboardTestApp.StartAsync(kind, options, kestrel: true);
        await WebSeed.SeedAsync(app);
        return app;
    }
}
