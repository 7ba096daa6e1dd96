using KernelCI.Dashboard.Tests.Issues;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Details;

public sealed class TestDetailsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Test_carries_its_build_and_checkout(DatabaseKind kind)
    {
        await using var app = await IssueListingTests.StartAsync(kind);

        var test = (await app.GetJsonAsync("/api/test/maestro:t1"))!;

        Assert.Equal(["field_timestamp", "id", "build_id", "status", "path", "log_excerpt", "log_url", "misc", "environment_misc",
            "start_time", "environment_compatible", "output_files", "input_files", "compiler", "architecture", "config_name",
            "git_commit_hash", "git_repository_branch", "git_repository_url", "git_commit_tags", "tree_name", "origin", "test_origin"],
            test.AsObject().Select(p => p.Key));
        Assert.Equal("maestro:b2", (string?)test["build_id"]);
        Assert.Equal("FAIL", (string?)test["status"]);
        Assert.Equal("beagle", (string?)test["environment_misc"]!["platform"]);
        Assert.Equal(["ti,beagle"], test["environment_compatible"]!.AsArray().Select(c => (string?)c));
        Assert.Equal("lava-a", (string?)test["misc"]!["runtime"]);
        Assert.Equal("x86_64", (string?)test["architecture"]);
        Assert.Equal("x86_64_defconfig", (string?)test["config_name"]);
        Assert.Equal(IssueSeed.MainlineCommit, (string?)test["git_commit_hash"]);
        Assert.Equal("https://logs.example.org/t1.log.gz", (string?)test["log_url"]);
        Assert.Equal("maestro", (string?)test["test_origin"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Test_issues_are_its_incidents_issues(DatabaseKind kind)
    {
        await using var app = await IssueListingTests.StartAsync(kind);

        var issues = (await app.GetJsonAsync("/api/test/maestro:t1/issues/"))!.AsArray();

        var issue = Assert.Single(issues)!;
        Assert.Equal("maestro:i2", (string?)issue["id"]);
        Assert.Equal("boot hangs", (string?)issue["comment"]);
        Assert.Equal(1, (long?)issue["incidents_info"]!["FAIL"]);
    }

    [Theory]
    [InlineData("/api/test/nobody:t", "Test not found")]
    [InlineData("/api/test/maestro:t3/issues", "No issues were found for this test")]
    public async Task Nothing_found_is_a_200_error_kci_dev_recognises(string path, string error)
    {
        await using var app = await IssueListingTests.StartAsync(DatabaseKind.Sqlite);

        Assert.Equal(error, (string?)(await app.GetJsonAsync(path))!["error"]);
    }
}
