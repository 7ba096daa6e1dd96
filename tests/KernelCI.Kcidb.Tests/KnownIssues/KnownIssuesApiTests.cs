using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.KnownIssues;

/// <summary>`/known-issues` on the KCIDB listener (docs/regressions.md, "Known issues"), on both databases.</summary>
public sealed class KnownIssuesApiTests
{
    private const string Matcher = """{"name": "qemu_boot", "report_subject": "boot hangs on qemu", "test_path": "boot*", "platform": "qemu-*"}""";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Created_known_issue_is_version_1_of_an_issue_of_our_origin(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);

        var (status, body) = await SendAsync(app, HttpMethod.Post, "/known-issues", Matcher);
        await app.SettleAsync();

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(("maestro:known_qemu_boot", 1), ((string)body["id"]!, (int)body["version"]!));
        Assert.Equal([("maestro:known_qemu_boot", 1L)], await app.IssuesAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Changing_a_known_issue_submits_a_new_version(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        await SendAsync(app, HttpMethod.Post, "/known-issues", Matcher);

        var (status, body) = await SendAsync(app, HttpMethod.Put, "/known-issues/maestro:known_qemu_boot", """{"platform": "qemu-arm64"}""");
        await app.SettleAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((2, "qemu-arm64", "boot*"), ((int)body["version"]!, (string)body["platform"]!, (string)body["test_path"]!));
        Assert.Equal([("maestro:known_qemu_boot", 1L), ("maestro:known_qemu_boot", 2L)], await app.IssuesAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Known_issues_are_listed_and_shown(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        await SendAsync(app, HttpMethod.Post, "/known-issues", Matcher);

        var (_, list) = await SendAsync(app, HttpMethod.Get, "/known-issues", null);
        var (status, shown) = await SendAsync(app, HttpMethod.Get, "/known-issues/maestro:known_qemu_boot", null);

        Assert.Equal("maestro:known_qemu_boot", (string)Assert.Single(list["items"]!.AsArray())!["id"]!);
        Assert.Equal((HttpStatusCode.OK, "boot hangs on qemu"), (status, (string)shown["report_subject"]!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Deleted_matcher_is_gone_and_its_issue_stays(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        await SendAsync(app, HttpMethod.Post, "/known-issues", Matcher);

        var (deleted, _) = await SendAsync(app, HttpMethod.Delete, "/known-issues/maestro:known_qemu_boot", null);
        var (shown, body) = await SendAsync(app, HttpMethod.Get, "/known-issues/maestro:known_qemu_boot", null);
        await app.SettleAsync();

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (deleted, shown));
        Assert.StartsWith("id: no known issue", (string)body["message"]!, StringComparison.Ordinal);
        Assert.Equal([("maestro:known_qemu_boot", 1L)], await app.IssuesAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Regex_that_needs_backtracking_is_a_400_naming_log_regex(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);

        var (status, body) = await SendAsync(app, HttpMethod.Post, "/known-issues",
            """{"report_subject": "x", "test_path": "*", "log_regex": "(a+)\\1"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("log_regex: ", (string)body["message"]!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Regex_longer_than_the_limit_is_a_400_naming_log_regex(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);

        var (status, body) = await SendAsync(app, HttpMethod.Post, "/known-issues",
            $$"""{"report_subject": "x", "test_path": "*", "log_regex": "{{new string('a', 513)}}"}""");

        Assert.Equal((HttpStatusCode.BadRequest, "log_regex: must be 1 to 512 characters"), (status, (string)body["message"]!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Missing_test_path_is_a_400_naming_it(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);

        var (status, body) = await SendAsync(app, HttpMethod.Post, "/known-issues", """{"report_subject": "x"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("test_path: ", (string)body["message"]!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Token_of_another_origin_cannot_create_a_known_issue(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);

        var (status, _) = await SendAsync(app, HttpMethod.Post, "/known-issues", Matcher, app.Kcidb.Token("lab"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task Request_without_a_token_is_refused()
    {
        await using var app = await KnownIssueTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.Kcidb.Client.SendAsync(app.Kcidb.Request(HttpMethod.Get, "/known-issues", null), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    internal static async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(KnownIssueTestApp app, HttpMethod method, string path, string? body,
        string? token = null)
    {
        using var response = await app.Kcidb.Client.SendAsync(app.Kcidb.Request(method, path, token ?? app.Kcidb.Token("maestro"), body),
            TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject());
    }
}
