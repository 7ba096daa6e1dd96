using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Dashboard.Tests.Issues;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Metrics;

public sealed class DashboardMetricsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Metrics_count_the_window_and_the_previous_one(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var metrics = (await app.GetJsonAsync("/api/metrics/?start_days_ago=7&end_days_ago=0"))!;

        Assert.Equal(1, (long?)metrics["n_trees"]);
        Assert.Equal(1, (long?)metrics["n_checkouts"]);
        Assert.Equal(2, (long?)metrics["n_builds"]);
        Assert.Equal(2, (long?)metrics["n_tests"]);
        Assert.Equal(5, (long?)metrics["n_issues"]);
        Assert.Equal(3, (long?)metrics["n_incidents"]);
        Assert.Equal(1, (long?)metrics["prev_n_trees"]);
        Assert.Equal(1, (long?)metrics["prev_n_checkouts"]);
        Assert.Equal(1, (long?)metrics["prev_n_builds"]);
        Assert.Equal(1, (long?)metrics["prev_n_tests"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Metrics_lab_maps_count_builds_boots_and_tests_per_lab(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var metrics = (await app.GetJsonAsync("/api/metrics"))!;

        Assert.Equal("""{"lava-a":{"builds":1,"boots":1,"tests":0},"lava-b":{"builds":1,"boots":0,"tests":1}}""", metrics["lab_maps"]!.ToJsonString());
        Assert.Equal("""{"lava-a":{"builds":1,"boots":1,"tests":0}}""", metrics["prev_lab_maps"]!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Metrics_build_incidents_tell_new_issues_from_existing_ones(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var metrics = (await app.GetJsonAsync("/api/metrics/"))!;

        Assert.Equal("""{"maestro":{"total_incidents":2,"n_new_issues":1,"n_existing_issues":1,"n_total_issues":2}}""",
            metrics["build_incidents_by_origin"]!.ToJsonString());
        Assert.Equal("""{"maestro":[{"id":"maestro:i1","version":2,"comment":"build breaks (v2)","total_incidents":1},{"id":"maestro:i4","version":1,"comment":"ghost","total_incidents":1}]}""",
            metrics["top_issues_by_origin"]!.ToJsonString());
        Assert.Equal("""{"maestro":[{"id":"maestro:i4","version":1,"comment":"ghost","total_incidents":1}]}""",
            metrics["new_issues_by_origin"]!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Metrics_of_an_empty_window_are_zeros(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var metrics = (await app.GetJsonAsync("/api/metrics/?start_days_ago=400&end_days_ago=300"))!;

        Assert.Equal(0, (long?)metrics["n_builds"]);
        Assert.Equal(0, (long?)metrics["n_tests"]);
        Assert.Empty(metrics["lab_maps"]!.AsObject());
        Assert.Empty(metrics["build_incidents_by_origin"]!.AsObject());
        Assert.Equal(15, metrics.AsObject().Count);
    }

    [Theory]
    [InlineData("start_days_ago=-1", "start_days_ago:")]
    [InlineData("end_days_ago=-2", "end_days_ago:")]
    [InlineData("start_days_ago=week", "start_days_ago:")]
    [InlineData("start_days_ago=3&end_days_ago=5", "start_days_ago must be greater than end_days_ago")]
    [InlineData("start_days_ago=4&end_days_ago=4", "start_days_ago must be greater than end_days_ago")]
    [InlineData("start_days_ago=100000", "start_days_ago:")]
    public async Task Bad_intervals_are_400(string parameters, string error)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.Client.GetAsync("/api/metrics/?" + parameters, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(error, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]);
    }

    // The seed's issues two days ago; i1's first build incident (inc1) ten days ago, its second (inc2) and i4's only one
    // (inc4) two days ago: i1 is an existing issue of the week, i4 a new one. inc3 names a test.
    private static async Task<DashboardTestApp> StartAsync(DatabaseKind kind)
    {
        var app = await IssueListingTests.StartAsync(kind);
        var now = DateTimeOffset.UtcNow;
        foreach (var issue in new[] { "maestro:i1", "maestro:i2", "redhat:i3", "maestro:i4" })
        {
            await IssueSeed.SetTimestampAsync(app, "issues", issue, now.AddDays(-2));
        }

        await IssueSeed.SetTimestampAsync(app, "incidents", "maestro:inc1", now.AddDays(-10));
        foreach (var incident in new[] { "maestro:inc2", "maestro:inc3", "maestro:inc4" })
        {
            await IssueSeed.SetTimestampAsync(app, "incidents", incident, now.AddDays(-2));
        }

        return app;
    }
}
