using KernelCI.Dashboard.Issues;
using KernelCI.Data;
using KernelCI.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Dashboard.Tests.Issues;

/// <summary>GET issue/ served from the cache (docs/dashboard-api.md, "The listing's cache") is never older than what
/// ingestion committed, in this replica or another on the same database, and its bytes are the uncached path's.</summary>
public sealed class IssueListingCacheTests
{
    private const string NewIssueVersion = """
        {"version": {"major": 5, "minor": 3},
         "issues": [{"id": "maestro:i5", "version": 1, "origin": "maestro", "comment": "oops", "culprit": {"harness": true}}]}
        """;

    // redhat:i3 had no incident; this one reaches mainline through build b2.
    private const string NewIncident = """
        {"version": {"major": 5, "minor": 3},
         "incidents": [{"id": "redhat:inc9", "origin": "redhat", "issue_id": "redhat:i3", "issue_version": 1, "build_id": "maestro:b2", "present": true}]}
        """;

    private const string RenamedCheckout = """
        {"version": {"major": 5, "minor": 3},
         "checkouts": [{"id": "maestro:ck1", "origin": "maestro", "git_commit_name": "v6.99-rc2"}]}
        """;

    private static readonly string[] Urls =
    [
        "/api/issue/", "/api/issue", "/api/issue/?interval_in_days=30", "/api/issue/?filter_origin=maestro",
        "/api/issue/?filter_issue.culprit=code&filter_issue.culprit=harness", "/api/issue/?filter_issue.options=hasIncident",
        "/api/issue/?filter_issue.categories=boot", "/api/issue/?limit=2&sort=id", "/api/issue/?limit=3&sort=-field_timestamp",
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listing_shows_an_issue_version_ingested_after_it_was_cached(DatabaseKind kind)
    {
        await using var app = await IssueListingTests.StartAsync(kind);
        Assert.DoesNotContain("maestro:i5,1", Keys(await app.GetJsonAsync("/api/issue/")));

        await app.SeedAsync(NewIssueVersion);

        Assert.Contains("maestro:i5,1", Keys(await app.GetJsonAsync("/api/issue/")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Window_starting_far_back_is_read_uncached_and_keeps_the_snapshot(DatabaseKind kind)
    {
        await using var app = await IssueListingTests.StartAsync(kind);
        var cache = app.App.Services.GetRequiredService<IssueListingCache>();
        var now = DateTimeOffset.UtcNow;
        Assert.NotNull(await cache.WindowAsync(now.AddDays(-7), now, CancellationToken.None));

        var farBack = await cache.WindowAsync(DateTimeOffset.UnixEpoch, now, CancellationToken.None);

        Assert.Null(farBack);
        Assert.NotNull(await cache.WindowAsync(now.AddDays(-6), now, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listing_shows_an_incident_ingested_after_it_was_cached(DatabaseKind kind)
    {
        await using var app = await IssueListingTests.StartAsync(kind);
        Assert.DoesNotContain("redhat:i3,1", Keys(await app.GetJsonAsync("/api/issue/?filter_issue.options=hasIncident")));

        await app.SeedAsync(NewIncident);

        var listing = await app.GetJsonAsync("/api/issue/?filter_issue.options=hasIncident");
        Assert.Contains("redhat:i3,1", Keys(listing));
        Assert.Equal("maestro:ck1", (string?)listing!["extras"]!["redhat:i3"]!["checkout_id"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listing_shows_a_checkout_changed_after_it_was_cached(DatabaseKind kind)
    {
        await using var app = await IssueListingTests.StartAsync(kind);
        Assert.Equal("v6.99-rc1", (string?)(await app.GetJsonAsync("/api/issue/"))!["extras"]!["maestro:i1"]!["git_commit_name"]);

        await app.SeedAsync(RenamedCheckout);

        Assert.Equal("v6.99-rc2", (string?)(await app.GetJsonAsync("/api/issue/"))!["extras"]!["maestro:i1"]!["git_commit_name"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Another_replica_sees_what_was_ingested_beside_it(DatabaseKind kind)
    {
        await using var first = await IssueListingTests.StartAsync(kind);
        await using var second = await first.StartBesideAsync();
        Assert.DoesNotContain("maestro:i5,1", Keys(await second.GetJsonAsync("/api/issue/")));
        Assert.DoesNotContain("maestro:i5,1", Keys(await first.GetJsonAsync("/api/issue/")));

        await first.SeedAsync(NewIssueVersion, NewIncident);

        var listing = await second.GetJsonAsync("/api/issue/");
        Assert.Contains("maestro:i5,1", Keys(listing));
        Assert.Equal("maestro:ck1", (string?)listing!["extras"]!["redhat:i3"]!["checkout_id"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Cached_answers_are_the_uncached_answers_byte_for_byte(DatabaseKind kind)
    {
        await using var cached = await IssueListingTests.StartAsync(kind);
        await using var uncached = await cached.StartBesideAsync(new DashboardOptions { IssueListingCacheBytes = 0 });
        await using var tooSmall = await cached.StartBesideAsync(new DashboardOptions { IssueListingCacheBytes = 1 });
        await IssueSeed.SetTimestampAsync(cached, "issues", "maestro:i4", DateTimeOffset.UtcNow.AddDays(-10));

        foreach (var url in Urls)
        {
            var expected = await BytesAsync(uncached, url);
            Assert.Equal(expected, await BytesAsync(cached, url));
            Assert.Equal(expected, await BytesAsync(cached, url));
            Assert.Equal(expected, await BytesAsync(tooSmall, url));
        }

        await cached.SeedAsync(NewIssueVersion, NewIncident, RenamedCheckout);
        foreach (var url in Urls)
        {
            Assert.Equal(await BytesAsync(uncached, url), await BytesAsync(cached, url));
        }
    }

    [Fact]
    public void Snapshot_window_includes_both_ends_and_keeps_the_order()
    {
        long[] times = [50, 40, 40, 30, 10];
        var rows = times.Select((t, i) => new IssueListingRow(
            new IssueRow(null, $"o:i{i}", null, "o", 1, null, null, null, null), null, false)).ToList();
        var snapshot = new IssueListingSnapshot(7, 10, rows, times, null);

        Assert.Equal(["o:i1", "o:i2"], Ids(snapshot.Window(40, 40)));
        Assert.Equal(["o:i1", "o:i2", "o:i3"], Ids(snapshot.Window(30, 49)));
        Assert.Equal(["o:i0", "o:i1", "o:i2", "o:i3", "o:i4"], Ids(snapshot.Window(10, 1000)));
        Assert.Empty(Ids(snapshot.Window(41, 49)));
        Assert.Empty(Ids(snapshot.Window(60, 70)));
    }

    private static List<string> Ids(IssueListingWindow window) => [.. window.Rows.Select(r => r.Issue.Id)];

    private static async Task<byte[]> BytesAsync(DashboardTestApp app, string url)
    {
        using var response = await app.Client.GetAsync(url, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var cursor = response.Headers.TryGetValues("X-Next-Cursor", out var values) ? string.Join(",", values) : "";
        return [.. System.Text.Encoding.UTF8.GetBytes(cursor + "\n"), .. await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)];
    }

    private static List<string> Keys(System.Text.Json.Nodes.JsonNode? listing) =>
        [.. listing!["issues"]!.AsArray().Select(i => $"{(string?)i!["id"]},{(long?)i["version"]}")];
}
