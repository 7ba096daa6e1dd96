using KernelCI.Dashboard.Tests.Issues;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Details;

public sealed class BuildDetailsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_carries_its_checkout_and_upstreams_fields(DatabaseKind kind)
    {
        await using var app = await IssueListingTests.StartAsync(kind);

        var build = (await app.GetJsonAsync("/api/build/maestro:b1"))!;

        Assert.Equal(["id", "origin", "architecture", "config_name", "misc", "config_url", "compiler", "status", "duration", "log_url",
            "start_time", "git_repository_url", "git_repository_branch", "checkout_id", "command", "comment", "tree_name",
            "git_commit_hash", "git_commit_name", "git_commit_tags", "log_excerpt", "input_files", "output_files", "build_origin"],
            build.AsObject().Select(p => p.Key));
        Assert.Equal(IssueSeed.MainlineCommit, (string?)build["git_commit_hash"]);
        Assert.Equal("mainline", (string?)build["tree_name"]);
        Assert.Equal("v6.99-rc1", (string?)build["git_commit_name"]);
        Assert.Equal(["v6.99-rc1"], build["git_commit_tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("FAIL", (string?)build["status"]);
        Assert.Equal("make -j8", (string?)build["command"]);
        Assert.Equal("builder", (string?)build["misc"]!["lab"]);
        Assert.Equal("https://logs.example.org/b1/Image", (string?)build["output_files"]![0]!["url"]);
        Assert.Equal("maestro", (string?)build["build_origin"]);
        Assert.Equal("maestro", (string?)build["origin"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_tests_are_its_tests_with_their_lab(DatabaseKind kind)
    {
        await using var app = await IssueListingTests.StartAsync(kind);

        var tests = (await app.GetJsonAsync("/api/build/maestro:b2/tests/"))!.AsArray();

        Assert.Equal(["maestro:t1", "maestro:t2"], tests.Select(t => (string?)t!["id"]));
        Assert.Equal(["id", "status", "duration", "path", "start_time", "environment_compatible", "environment_misc", "lab"],
            tests[0]!.AsObject().Select(p => p.Key));
        Assert.Equal("lava-a", (string?)tests[0]!["lab"]);
        Assert.Equal("kselftest.timers", (string?)tests[1]!["path"]);
        Assert.Null(tests[1]!["environment_compatible"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_issues_count_incidents_by_the_builds_status(DatabaseKind kind)
    {
        await using var app = await IssueListingTests.StartAsync(kind);

        var issues = (await app.GetJsonAsync("/api/build/maestro:b1/issues"))!.AsArray();

        Assert.Equal(["maestro:i1,1", "maestro:i1,2"], issues.Select(i => $"{(string?)i!["id"]},{(long?)i["version"]}"));
        Assert.Equal("https://lore.example.org/i1", (string?)issues[0]!["report_url"]);
        Assert.Equal(1, (long?)issues[0]!["incidents_info"]!["FAIL"]);
        Assert.Equal(0, (long?)issues[0]!["incidents_info"]!["PASS"]);
    }

    [Theory]
    [InlineData("/api/build/nobody:b", "Build not found")]
    [InlineData("/api/build/maestro:b1/tests", "No tests found for this build")]
    [InlineData("/api/build/maestro:b3/issues", "No issues were found for this build")]
    public async Task Nothing_found_is_a_200_error_kci_dev_recognises(string path, string error)
    {
        await using var app = await IssueListingTests.StartAsync(DatabaseKind.Sqlite);

        Assert.Equal(error, (string?)(await app.GetJsonAsync(path))!["error"]);
    }
}
