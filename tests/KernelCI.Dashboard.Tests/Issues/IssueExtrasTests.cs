using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KernelCI.Dashboard.Data;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Issues;

public sealed class IssueExtrasTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Extras_give_first_and_last_incident_and_trees_per_version(DatabaseKind kind)
    {
        await using var app = await IssueListingTests.StartAsync(kind);

        var reply = await app.PostJsonAsync("/api/issue/extras/",
            new { issues = new object[] { new object[] { "maestro:i1", 1 }, new object[] { "maestro:i1", 7 }, new object[] { "maestro:i2", 1 }, new object[] { "nobody:x", 1 } } });

        var issues = reply!["issues"]!.AsObject();
        Assert.Equal(["maestro:i1", "maestro:i2"], issues.Select(i => i.Key).Order(StringComparer.Ordinal));
        var first = issues["maestro:i1"]!["first_incident"]!;
        Assert.Equal(IssueSeed.MainlineCommit, (string?)first["git_commit_hash"]);
        Assert.Equal(IssueSeed.MainlineUrl, (string?)first["git_repository_url"]);
        Assert.Equal("master", (string?)first["git_repository_branch"]);
        Assert.Equal("mainline", (string?)first["tree_name"]);
        var versions = issues["maestro:i1"]!["versions"]!.AsObject();
        Assert.Equal("mainline", (string?)versions["1"]!["trees"]![0]!["tree_name"]);
        Assert.True(versions.ContainsKey("7"));
        Assert.Null(versions["7"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Extras_last_incident_puts_null_timestamps_first_as_upstreams_descending_order(DatabaseKind kind)
    {
        // Upstream's DISTINCT ON orders the last incident by _timestamp DESC, where PostgreSQL puts NULL first
        // (kernelci/dashboard:backend/kernelCI_app/queries/issues.py, get_issue_seen_data).
        await using var app = await IssueListingSeed.StartAsync(kind);
        await using var db = new DashboardDb(app.Database);
        await using (var connection = await db.OpenAsync(TestContext.Current.CancellationToken))
        {
            await using var move = connection.CreateCommand();
            move.CommandText = "UPDATE incidents SET issue_version = 2 WHERE id = 'maestro:inc5a'";
            await move.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var reply = await app.PostJsonAsync("/api/issue/extras/", new { issues = new object[] { new object[] { "maestro:i5", 2 } } });

        var last = reply!["issues"]!["maestro:i5"]!["last_incident"]!;
        Assert.Equal(2, (long?)last["issue_version"]);
        Assert.Null((string?)last["first_seen"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Extras_of_issues_without_incidents_is_upstreams_200_error(DatabaseKind kind)
    {
        await using var app = await IssueListingTests.StartAsync(kind);

        var reply = await app.PostJsonAsync("/api/issue/extras", new { issues = new object[] { new object[] { "redhat:i3", 1 } } });

        Assert.Equal("No extra details found. Issue id has no incident or doesn't exist.", (string?)reply!["error"]);
    }

    [Theory]
    [InlineData("""{"issues": []}""", "Invalid body, the issue list must not be empty")]
    [InlineData("""{}""", "issues:")]
    [InlineData("""{"issues": "maestro:i1"}""", "issues:")]
    [InlineData("""{"issues": [["maestro:i1"]]}""", "issues[0]:")]
    [InlineData("""{"issues": [["maestro:i1", 1], [1, 1]]}""", "issues[1]:")]
    [InlineData("""{"issues": [["maestro:i1", "one"]]}""", "issues[0]:")]
    [InlineData("""[1, 2]""", "issues:")]
    [InlineData("""{"issues": [""", "body:")]
    public async Task Malformed_extras_body_is_400(string body, string error)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await app.Client.PostAsync("/api/issue/extras/", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(error, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]);
    }

    [Fact]
    public async Task Extras_refuse_more_than_ten_thousand_pairs()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        var pairs = Enumerable.Range(0, 10_001).Select(i => new object[] { $"maestro:i{i}", 1 }).ToArray();

        using var response = await app.Client.PostAsJsonAsync("/api/issue/extras/", new { issues = pairs }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("issues: at most 10000", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Extras_accept_the_full_ten_thousand_pairs(DatabaseKind kind)
    {
        await using var app = await IssueListingTests.StartAsync(kind);
        var pairs = Enumerable.Range(0, 10_000).Select(i => new object[] { i == 0 ? "maestro:i2" : $"maestro:x{i}", 1 }).ToArray();

        var reply = await app.PostJsonAsync("/api/issue/extras/", new { issues = pairs });

        Assert.Equal(["maestro:i2"], reply!["issues"]!.AsObject().Select(i => i.Key));
    }
}
