using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Issues;

public sealed class IssueListingTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listing_drops_issues_whose_incidents_reach_no_tree_and_keeps_those_without_incidents(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var listing = await app.GetJsonAsync("/api/issue/");

        Assert.Equal(["maestro:i1,1", "maestro:i1,2", "maestro:i2,1", "redhat:i3,1"], Keys(listing));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listing_extras_are_each_issues_first_incident_with_its_tree(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var extras = (await app.GetJsonAsync("/api/issue"))!["extras"]!.AsObject();

        Assert.Equal(["maestro:i1", "maestro:i2"], extras.Select(e => e.Key).Order(StringComparer.Ordinal));
        var first = extras["maestro:i1"]!;
        Assert.Equal("mainline", (string?)first["tree_name"]);
        Assert.Equal("master", (string?)first["git_repository_branch"]);
        Assert.Equal(IssueSeed.MainlineCommit, (string?)first["git_commit_hash"]);
        Assert.Equal(1, (long?)first["issue_version"]);
        Assert.Equal("maestro:ck1", (string?)first["checkout_id"]);
        Assert.NotNull((string?)first["first_seen"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listing_items_carry_upstreams_fields(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var issue = (await app.GetJsonAsync("/api/issue/"))!["issues"]!.AsArray().Single(i => (string?)i!["id"] == "maestro:i2")!;

        Assert.Equal(["field_timestamp", "id", "comment", "origin", "version", "culprit_code", "culprit_tool", "culprit_harness", "categories"],
            issue.AsObject().Select(p => p.Key));
        Assert.Equal("boot hangs", (string?)issue["comment"]);
        Assert.True((bool?)issue["culprit_harness"]);
        Assert.Null(issue["culprit_code"]);
        Assert.Equal(["boot"], issue["categories"]!.AsArray().Select(c => (string?)c));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listing_filters_offer_every_origin_culprit_and_category_of_the_window(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var filters = (await app.GetJsonAsync("/api/issue/?filter_origin=redhat"))!["filters"]!;

        Assert.Equal(["maestro", "redhat"], filters["origins"]!.AsArray().Select(o => (string?)o));
        Assert.Equal(["code", "harness", "tool"], filters["culprits"]!.AsArray().Select(o => (string?)o));
        Assert.Equal(["boot", "compile"], filters["categories"]!.AsArray().Select(o => (string?)o));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listing_filters_by_origin_culprit_category_and_incident(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        Assert.Equal(["redhat:i3,1"], Keys(await app.GetJsonAsync("/api/issue/?filter_origin=redhat")));
        Assert.Equal(["maestro:i1,1", "maestro:i1,2"], Keys(await app.GetJsonAsync("/api/issue/?filter_issue.culprit=code")));
        Assert.Equal(["maestro:i2,1", "redhat:i3,1"],
            Keys(await app.GetJsonAsync("/api/issue/?filter_issue.culprit=harness&filter_issue.culprit=tool")));
        Assert.Equal(["maestro:i2,1"], Keys(await app.GetJsonAsync("/api/issue/?filter_issue.categories=boot")));
        Assert.Equal(["maestro:i1,1", "maestro:i1,2", "maestro:i2,1"], Keys(await app.GetJsonAsync("/api/issue/?filter_issue.options=hasIncident")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listing_windows_on_the_issues_timestamp(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var old = DateTimeOffset.UtcNow.AddDays(-20);
        await IssueSeed.SetTimestampAsync(app, "issues", "maestro:i2", old);
        var start = old.AddDays(-1).ToUnixTimeSeconds();
        var end = old.AddDays(1).ToUnixTimeSeconds();

        var window = await app.GetJsonAsync($"/api/issue/?startTimestampInSeconds={start}&endTimestampInSeconds={end}");
        var lastWeek = await app.GetJsonAsync("/api/issue/");

        Assert.Equal(["maestro:i2,1"], Keys(window));
        Assert.DoesNotContain("maestro:i2,1", Keys(lastWeek));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listing_honours_interval_in_days_when_no_start_is_given(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        await IssueSeed.SetTimestampAsync(app, "issues", "maestro:i2", DateTimeOffset.UtcNow.AddDays(-20));

        var month = await app.GetJsonAsync("/api/issue/?interval_in_days=30");
        var fiveDays = await app.GetJsonAsync("/api/issue/?interval_in_days=5");

        Assert.Contains("maestro:i2,1", Keys(month));
        Assert.DoesNotContain("maestro:i2,1", Keys(fiveDays));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Empty_window_is_upstreams_200_error(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var future = DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds();

        var reply = await app.GetJsonAsync($"/api/issue/?startTimestampInSeconds={future}&endTimestampInSeconds={future + 60}");

        Assert.Equal("No issues found", (string?)reply!["error"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listing_pages_with_limit_and_cursor(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        using var response = await app.Client.GetAsync("/api/issue/?limit=2&sort=id", TestContext.Current.CancellationToken);
        var first = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var cursor = response.Headers.GetValues("X-Next-Cursor").Single();
        var second = await app.GetJsonAsync($"/api/issue/?limit=2&sort=id&cursor={cursor}");

        Assert.Equal(["maestro:i1,1", "maestro:i1,2"], Keys(first));
        Assert.Equal(["maestro:i1"], first!["extras"]!.AsObject().Select(e => e.Key));
        Assert.Equal(["maestro:i2,1", "redhat:i3,1"], Keys(second));
    }

    [Theory]
    [InlineData("startTimestampInSeconds=yesterday", "startTimestampInSeconds")]
    [InlineData("endTimestampInSeconds=-5", "endTimestampInSeconds")]
    [InlineData("startTimestampInSeconds=200&endTimestampInSeconds=100", "startTimestampInSeconds")]
    [InlineData("interval_in_days=0", "interval_in_days")]
    [InlineData("interval_in_days=week", "interval_in_days")]
    [InlineData("filter_origin_[near]=x", "filter_origin_[near]")]
    [InlineData("limit=lots", "limit")]
    public async Task Bad_listing_parameters_are_400_naming_them(string parameters, string name)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.Client.GetAsync("/api/issue/?" + parameters, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"];
        Assert.StartsWith(name + ":", error);
    }

    internal static async Task<DashboardTestApp> StartAsync(DatabaseKind kind, bool kestrel = false)
    {
        var app = await DashboardTestApp.StartAsync(kind, kestrel: kestrel);
        await IssueSeed.SeedAsync(app);
        return app;
    }

    private static List<string> Keys(JsonNode? listing) =>
        [.. listing!["issues"]!.AsArray().Select(i => $"{(string?)i!["id"]},{(long?)i["version"]}").Order(StringComparer.Ordinal)];
}
