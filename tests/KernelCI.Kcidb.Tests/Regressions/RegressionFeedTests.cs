using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Kcidb.Regressions;
using KernelCI.Kcidb.Regressions.Feed;
using KernelCI.Kcidb.Tests.Store;
using KernelCI.Testing;
using static KernelCI.Kcidb.Tests.Regressions.RegressionRecomputeTests;

namespace KernelCI.Kcidb.Tests.Regressions;

/// <summary>The regression change feed and culprits (migration kcidb 12, docs/regressions.md "The change feed"), on both
/// databases.</summary>
public sealed class RegressionFeedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Opened_regression_is_in_the_feed(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await IngestAsync(context, "PPF");
        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c2", context.Time, Ct);

        var page = await new RegressionFeed(context.Database, context.Time).ReadAsync(0, 100, TimeSpan.Zero, Ct);

        var change = Assert.Single(page.Changes);
        Assert.Equal(("open", "h1", "h2", "o:t2", false), (change.Regression!.State, change.Regression.LastGoodCommit,
            change.Regression.FirstBadCommit, change.Regression.FirstBadResult, change.Regression.Flaky));
        Assert.Equal(change.Seq, page.Next);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Recomputing_without_a_change_adds_nothing_to_the_feed(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await IngestAsync(context, "PPF");
        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c2", context.Time, Ct);
        var feed = new RegressionFeed(context.Database, context.Time);
        var next = (await feed.ReadAsync(0, 100, TimeSpan.Zero, Ct)).Next;

        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c2", context.Time, Ct);

        Assert.Empty((await feed.ReadAsync(next, 100, TimeSpan.Zero, Ct)).Changes);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Fix_is_a_new_change_of_the_same_regression(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await IngestAsync(context, "PPF");
        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c2", context.Time, Ct);
        var feed = new RegressionFeed(context.Database, context.Time);
        var first = Assert.Single((await feed.ReadAsync(0, 100, TimeSpan.Zero, Ct)).Changes);
        await IngestAsync(context, "PPFP");

        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c3", context.Time, Ct);

        var change = Assert.Single((await feed.ReadAsync(first.Seq, 100, TimeSpan.Zero, Ct)).Changes);
        Assert.Equal((first.Id, "fixed", "h3"), (change.Id, change.Regression!.State, change.Regression.FixedByCommit));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Removed_regression_is_a_change_without_a_regression(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await IngestAsync(context, "PPF");
        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c2", context.Time, Ct);
        await IngestAsync(context, "PPP");

        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c2", context.Time, Ct);

        // Its two changes read as one: the newest.
        var change = Assert.Single((await new RegressionFeed(context.Database, context.Time).ReadAsync(0, 100, TimeSpan.Zero, Ct)).Changes);
        Assert.Null(change.Regression);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Blocked_reader_wakes_when_a_regression_opens(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await IngestAsync(context, "PPF");
        var feed = new RegressionFeed(context.Database, context.Time);
        var reading = feed.ReadAsync(0, 100, TimeSpan.FromSeconds(30), Ct);
        Assert.False(reading.IsCompleted);

        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c2", context.Time, Ct);

        Assert.Single((await reading.WaitAsync(TimeSpan.FromSeconds(20), Ct)).Changes);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Blocked_reader_gets_an_empty_page_when_its_wait_ends(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        var feed = new RegressionFeed(context.Database, context.Time);
        var reading = feed.ReadAsync(7, 100, TimeSpan.FromSeconds(30), Ct);
        await Task.Delay(50, Ct);
        Assert.False(reading.IsCompleted);

        context.Time.Advance(TimeSpan.FromSeconds(30));

        var page = await reading.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        Assert.Equal((0, 7L), (page.Changes.Count, page.Next));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Blocked_reader_gets_an_empty_page_when_the_host_stops(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        var feed = new RegressionFeed(context.Database, context.Time);
        using var stopping = new CancellationTokenSource();
        var reading = feed.ReadAsync(7, 100, TimeSpan.FromSeconds(30), Ct, stopping.Token);
        Assert.False(reading.IsCompleted);

        await stopping.CancelAsync();

        // No clock advance: only the stop ends the wait.
        var page = await reading.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        Assert.Equal((0, 7L), (page.Changes.Count, page.Next));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Culprit_survives_a_recomputation(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await IngestAsync(context, "PPF");
        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c2", context.Time, Ct);
        var feed = new RegressionFeed(context.Database, context.Time);
        var id = Assert.Single((await feed.ReadAsync(0, 100, TimeSpan.Zero, Ct)).Changes).Id;
        Assert.True(await feed.SetCulpritAsync(id, new RegressionCulprit("abcdef1", "x: break it", "A <a@b>", "o:bisect_1", "node1"), Ct));
        await IngestAsync(context, "PPFP");

        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c3", context.Time, Ct);

        var regression = await feed.GetAsync(id, Ct);
        Assert.Equal(("fixed", "abcdef1", "x: break it"), (regression!.State, regression.Culprit?.Commit, regression.Culprit?.Subject));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Culprit_posted_with_the_origins_token_is_shown(DatabaseKind kind)
    {
        await using var app = await KcidbTestApp.StartAsync(kind, new KcidbOptions { RunIngester = false });
        var id = await OpenRegressionAsync(app);

        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Post, $"/api/regressions/{id}/culprit", app.Token("o"),
            """{"commit": "0123456789abcdef0123456789abcdef01234567", "subject": "x: break it", "author": "A <a@b>"}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var regression = await app.Client.GetFromJsonAsync<JsonObject>($"/api/regressions/{id}", Ct);
        Assert.Equal("x: break it", regression!["culprit"]?["subject"]?.ToString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Culprits_files_are_kept_and_given_by_the_feed(DatabaseKind kind)
    {
        await using var app = await KcidbTestApp.StartAsync(kind, new KcidbOptions { RunIngester = false });
        var id = await OpenRegressionAsync(app);

        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Post, $"/api/regressions/{id}/culprit", app.Token("o"),
            """{"commit": "0123456789abcdef0123456789abcdef01234567", "files": ["drivers/net/phy/phy.c", "include/linux/phy.h"]}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new RegressionFeed(app.Database, TimeProvider.System).ReadAsync(0, 100, TimeSpan.Zero, Ct);
        Assert.Equal(["drivers/net/phy/phy.c", "include/linux/phy.h"], page.Changes[^1].Regression!.Culprit!.Files!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Culprit_with_an_absolute_file_or_over_1000_files_is_a_400_naming_files(DatabaseKind kind)
    {
        await using var app = await KcidbTestApp.StartAsync(kind, new KcidbOptions { RunIngester = false });
        var id = await OpenRegressionAsync(app);
        var many = string.Join(", ", Enumerable.Range(0, 1001).Select(i => $"\"f{i}.c\""));

        using var absolute = await app.Client.SendAsync(app.Request(HttpMethod.Post, $"/api/regressions/{id}/culprit", app.Token("o"),
            """{"commit": "0123456789abcdef0123456789abcdef01234567", "files": ["/etc/passwd"]}"""), Ct);
        using var tooMany = await app.Client.SendAsync(app.Request(HttpMethod.Post, $"/api/regressions/{id}/culprit", app.Token("o"),
            $$"""{"commit": "0123456789abcdef0123456789abcdef01234567", "files": [{{many}}]}"""), Ct);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (absolute.StatusCode, tooMany.StatusCode));
        Assert.Contains("files: '/etc/passwd' is not a path relative to the top of the tree", await absolute.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("files: at most 1000 paths", await tooMany.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Culprit_posted_with_another_origins_token_is_refused(DatabaseKind kind)
    {
        await using var app = await KcidbTestApp.StartAsync(kind, new KcidbOptions { RunIngester = false });
        var id = await OpenRegressionAsync(app);

        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Post, $"/api/regressions/{id}/culprit", app.Token("other"),
            """{"commit": "0123456789abcdef0123456789abcdef01234567"}"""), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Culprit_without_a_commit_hash_is_a_400_naming_the_field(DatabaseKind kind)
    {
        await using var app = await KcidbTestApp.StartAsync(kind, new KcidbOptions { RunIngester = false });
        var id = await OpenRegressionAsync(app);

        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Post, $"/api/regressions/{id}/culprit", app.Token("o"),
            """{"commit": "not-a-sha"}"""), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("commit:", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Changes_with_a_wait_above_60_s_is_a_400_naming_it(DatabaseKind kind)
    {
        await using var app = await KcidbTestApp.StartAsync(kind, new KcidbOptions { RunIngester = false });

        using var response = await app.Client.GetAsync("/api/regressions/changes?wait=61", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("wait:", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Changes_endpoint_lists_an_opened_regression(DatabaseKind kind)
    {
        await using var app = await KcidbTestApp.StartAsync(kind, new KcidbOptions { RunIngester = false });
        var id = await OpenRegressionAsync(app);

        var page = await app.Client.GetFromJsonAsync<JsonObject>("/api/regressions/changes?after=0&wait=1", Ct);

        Assert.Equal(id, page!["changes"]![0]!["regression"]!["id"]!.ToString());
    }

    // Pattern PPF ingested through the app's store, then recomputed: one open regression; its id.
    private static async Task<string> OpenRegressionAsync(KcidbTestApp app)
    {
        await IngestAsync(app.Store, "PPF");
        await RegressionRecompute.ForCheckoutAsync(app.Database, "o:c2", TimeProvider.System, Ct);
        return Assert.Single((await new RegressionFeed(app.Database, TimeProvider.System).ReadAsync(0, 10, TimeSpan.Zero, Ct)).Changes).Id;
    }
}
