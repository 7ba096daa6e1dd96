using System.Net;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.KnownIssues;

/// <summary>Known issues whose matcher is of failed builds: configuration, architecture, compiler, log expression
/// (docs/regressions.md, "Known issues").</summary>
public sealed class KnownIssueBuildMatcherTests
{
    private const string Issue = "maestro:known_arm64_clang";

    private const string Matcher = """
        {"name": "arm64_clang", "report_subject": "clang on arm64 fails", "kind": "build", "config": "*defconfig", "architecture": "arm64", "compiler": "clang-*"}
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Failed_build_matching_configuration_architecture_and_compiler_gets_an_incident(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        await CreateAsync(app, Matcher);
        await app.SettleAsync();

        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "1", config: "defconfig", architecture: "arm64", compiler: "clang-17", testStatus: "PASS"));
        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "2", config: "defconfig", architecture: "x86_64", compiler: "clang-17", testStatus: "PASS"));
        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "3", config: "tinyconfig", architecture: "arm64", compiler: "clang-17", testStatus: "PASS"));
        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "4", config: "defconfig", architecture: "arm64", compiler: "gcc-12", testStatus: "PASS"));
        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "5", config: "defconfig", architecture: "arm64", compiler: "clang-17", buildStatus: "PASS"));
        await app.SettleAsync();

        Assert.Equal([(Issue, 1L, "lab:b1")], await app.IncidentsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_matcher_with_a_log_regex_needs_a_matching_line_in_the_build_log(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        await CreateAsync(app, """{"name": "undeclared", "report_subject": "s", "kind": "build", "log_regex": "error: '\\w+' undeclared"}""");
        await app.SettleAsync();

        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "1", buildLog: new Uri(app.Logs.Localhost, "a/build.log"), testStatus: "PASS"));
        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "2", buildLog: new Uri(app.Logs.Localhost, "a/boot.log"), testStatus: "PASS"));
        await app.SettleAsync();

        // The log triage of other origins' builds adds its own incidents (triage_…); only the matcher's are compared.
        Assert.Equal([("maestro:known_undeclared", 1L, "lab:b1")], (await app.IncidentsAsync()).Where(i => i.Issue == "maestro:known_undeclared"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task New_build_matcher_is_applied_to_the_builds_already_stored(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "1", config: "defconfig", architecture: "arm64", compiler: "clang-17"));
        await app.SettleAsync();

        await CreateAsync(app, Matcher);
        await app.SettleAsync();

        // The failing test of that build is not a build: the test matcher's business, not this one's.
        Assert.Equal([(Issue, 1L, "lab:b1")], await app.IncidentsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_matcher_is_shown_with_its_kind_and_globs_and_versioned(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        await CreateAsync(app, Matcher);

        var (status, body) = await KnownIssuesApiTests.SendAsync(app, HttpMethod.Put, "/known-issues/" + Issue, """{"compiler": ""}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("build", "*defconfig", "arm64", null, 2), ((string?)body["kind"], (string?)body["config"], (string?)body["architecture"],
            (string?)body["compiler"], (int?)body["version"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Test_path_on_a_build_matcher_is_a_400_naming_it(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);

        var (status, body) = await KnownIssuesApiTests.SendAsync(app, HttpMethod.Post, "/known-issues",
            """{"report_subject": "x", "kind": "build", "test_path": "boot"}""");

        Assert.Equal((HttpStatusCode.BadRequest, "test_path: is not a field of a build matcher"), (status, (string?)body["message"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Configuration_on_a_test_matcher_is_a_400_naming_it(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);

        var (status, body) = await KnownIssuesApiTests.SendAsync(app, HttpMethod.Post, "/known-issues",
            """{"report_subject": "x", "test_path": "boot", "config": "defconfig"}""");

        Assert.Equal((HttpStatusCode.BadRequest, "config: is not a field of a test matcher"), (status, (string?)body["message"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Unknown_kind_and_a_change_of_kind_are_400s_naming_kind(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        await CreateAsync(app, Matcher);

        var (created, createBody) = await KnownIssuesApiTests.SendAsync(app, HttpMethod.Post, "/known-issues",
            """{"report_subject": "x", "kind": "boot", "test_path": "*"}""");
        var (changed, changeBody) = await KnownIssuesApiTests.SendAsync(app, HttpMethod.Put, "/known-issues/" + Issue, """{"kind": "test"}""");

        Assert.Equal((HttpStatusCode.BadRequest, "kind: must be test or build"), (created, (string?)createBody["message"]));
        Assert.Equal(HttpStatusCode.BadRequest, changed);
        Assert.StartsWith("kind: cannot be changed", (string?)changeBody["message"], StringComparison.Ordinal);
    }

    private static async Task CreateAsync(KnownIssueTestApp app, string body)
    {
        var (status, reply) = await KnownIssuesApiTests.SendAsync(app, HttpMethod.Post, "/known-issues", body);
        Assert.True(status == HttpStatusCode.Created, reply.ToJsonString());
    }
}
