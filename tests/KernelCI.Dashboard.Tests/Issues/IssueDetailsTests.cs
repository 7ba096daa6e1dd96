using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Issues;

public sealed class IssueDetailsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_without_version_is_its_latest_with_extras(DatabaseKind kind)
    {
        await using var app = await IssueListingTests.StartAsync(kind);

        var issue = (await app.GetJsonAsync("/api/issue/maestro:i1"))!;

        Assert.Equal(2, (long?)issue["version"]);
        Assert.Equal("build breaks (v2)", (string?)issue["comment"]);
        Assert.Equal("arm64 breaks", (string?)issue["report_subject"]);
        Assert.Equal("second look", (string?)issue["misc"]!["note"]);
        Assert.True((bool?)issue["culprit_code"]);
        var extra = issue["extra"]!["maestro:i1"]!;
        Assert.Equal(1, (long?)extra["first_incident"]!["issue_version"]);
        Assert.Equal(2, (long?)extra["last_incident"]!["issue_version"]);
        Assert.Equal("mainline", (string?)extra["first_incident"]!["tree_name"]);
        var version = extra["versions"]!["2"]!;
        Assert.Equal("mainline", (string?)version["trees"]![0]!["tree_name"]);
        Assert.Equal("master", (string?)version["trees"]![0]!["git_repository_branch"]);
        Assert.Equal(["mainline"], version["tags"]!.AsArray().Select(t => (string?)t));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_with_version_is_that_version(DatabaseKind kind)
    {
        await using var app = await IssueListingTests.StartAsync(kind);

        var issue = (await app.GetJsonAsync("/api/issue/maestro:i1/?version=1"))!;

        Assert.Equal(1, (long?)issue["version"]);
        Assert.Equal("build breaks", (string?)issue["comment"]);
        Assert.NotNull(issue["extra"]!["maestro:i1"]!["versions"]!["1"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_without_incidents_has_empty_extra(DatabaseKind kind)
    {
        await using var app = await IssueListingTests.StartAsync(kind);

        var issue = (await app.GetJsonAsync("/api/issue/redhat:i3"))!;

        Assert.Equal("redhat", (string?)issue["origin"]);
        Assert.Empty(issue["extra"]!.AsObject());
    }

    [Theory]
    [InlineData("/api/issue/nobody:nothing")]
    [InlineData("/api/issue/maestro:i1?version=9")]
    public async Task Unknown_issue_is_upstreams_200_error(string path)
    {
        await using var app = await IssueListingTests.StartAsync(DatabaseKind.Sqlite);

        Assert.Equal("Issue not found", (string?)(await app.GetJsonAsync(path))!["error"]);
    }

    [Fact]
    public async Task Non_numeric_version_is_400()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.Client.GetAsync("/api/issue/maestro:i1?version=latest", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("version:", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_builds_are_those_of_the_latest_incident_version_with_their_tree(DatabaseKind kind)
    {
        await using var app = await IssueListingTests.StartAsync(kind);

        var builds = (await app.GetJsonAsync("/api/issue/maestro:i1/builds"))!.AsArray();

        var build = Assert.Single(builds)!;
        Assert.Equal("maestro:b1", (string?)build["id"]);
        Assert.Equal("FAIL", (string?)build["status"]);
        Assert.Equal("mainline", (string?)build["tree_name"]);
        Assert.Equal("master", (string?)build["git_repository_branch"]);
        Assert.Equal(61.5, (double?)build["duration"]);
        Assert.Equal("Unknown", (string?)build["misc"]!["platform"]);
        Assert.Equal(["id", "architecture", "config_name", "status", "start_time", "duration", "compiler", "log_url", "tree_name",
            "git_repository_branch", "misc"], build.AsObject().Select(p => p.Key));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_tests_list_the_incidents_tests(DatabaseKind kind)
    {
        await using var app = await IssueListingTests.StartAsync(kind);

        var tests = (await app.GetJsonAsync("/api/issue/maestro:i2/tests?filter_origin=maestro"))!.AsArray();

        var test = Assert.Single(tests)!;
        Assert.Equal("maestro:t1", (string?)test["id"]);
        Assert.Equal("boot", (string?)test["path"]);
        Assert.Equal("lava-a", (string?)test["lab"]);
        Assert.Equal("beagle", (string?)test["environment_misc"]!["platform"]);
        Assert.Equal(["ti,beagle"], test["environment_compatible"]!.AsArray().Select(c => (string?)c));
        Assert.Equal("mainline", (string?)test["tree_name"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_without_builds_or_tests_is_upstreams_200_error(DatabaseKind kind)
    {
        await using var app = await IssueListingTests.StartAsync(kind);

        Assert.Equal("No builds found for this issue", (string?)(await app.GetJsonAsync("/api/issue/maestro:i2/builds"))!["error"]);
        Assert.Equal("No tests found for this issue", (string?)(await app.GetJsonAsync("/api/issue/maestro:i1/tests"))!["error"]);
        Assert.Equal("No tests found for this issue", (string?)(await app.GetJsonAsync("/api/issue/maestro:i2/tests?filter_origin=redhat"))!["error"]);
    }
}
