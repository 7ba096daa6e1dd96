using System.Net;
using KernelCI.Data;
using KernelCI.Kcidb.Regressions;
using KernelCI.Kcidb.Tests.KnownIssues;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Regressions;

/// <summary>`PUT|DELETE /regressions/{id}/mark` (docs/regressions.md, "Marking a regression"), on both databases: lab's
/// boot passes on commit 0 and fails on commit 1, which opens a regression.</summary>
public sealed class RegressionMarksApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Regression_marked_invalid_is_listed_invalid(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        var id = await RegressionAsync(app);

        var (status, body) = await KnownIssuesApiTests.SendAsync(app, HttpMethod.Put, $"/regressions/{id}/mark", """{"state": "invalid"}""");

        Assert.Equal((HttpStatusCode.OK, "invalid"), (status, (string)body["state"]!));
        Assert.Equal("invalid", await StateAsync(app, id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Recomputation_keeps_the_mark(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        var id = await RegressionAsync(app);
        await KnownIssuesApiTests.SendAsync(app, HttpMethod.Put, $"/regressions/{id}/mark", """{"state": "invalid"}""");

        await RegressionRecompute.ForCheckoutAsync(app.Database, "lab:c1", TimeProvider.System, TestContext.Current.CancellationToken);

        Assert.Equal("invalid", await StateAsync(app, id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Undoing_the_mark_gives_back_the_state_the_results_say(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        var id = await RegressionAsync(app);
        await KnownIssuesApiTests.SendAsync(app, HttpMethod.Put, $"/regressions/{id}/mark", """{"state": "invalid"}""");

        var (status, body) = await KnownIssuesApiTests.SendAsync(app, HttpMethod.Delete, $"/regressions/{id}/mark", null);

        Assert.Equal((HttpStatusCode.OK, "open"), (status, (string)body["state"]!));
        Assert.Equal("open", await StateAsync(app, id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Token_of_the_regressions_own_origin_may_mark_it_and_another_may_not(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        var id = await RegressionAsync(app);

        var (other, _) = await KnownIssuesApiTests.SendAsync(app, HttpMethod.Put, $"/regressions/{id}/mark", """{"state": "invalid"}""", app.Kcidb.Token("someone"));
        var (own, _) = await KnownIssuesApiTests.SendAsync(app, HttpMethod.Put, $"/regressions/{id}/mark", """{"state": "invalid"}""", app.Kcidb.Token("lab"));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK), (other, own));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Unknown_regression_is_a_404(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);

        var (status, body) = await KnownIssuesApiTests.SendAsync(app, HttpMethod.Put, "/regressions/nope/mark", """{"state": "invalid"}""");

        Assert.Equal((HttpStatusCode.NotFound, "id: no regression nope"), (status, (string)body["message"]!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task State_other_than_invalid_is_a_400_naming_state(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        var id = await RegressionAsync(app);

        var (status, body) = await KnownIssuesApiTests.SendAsync(app, HttpMethod.Put, $"/regressions/{id}/mark", """{"state": "fixed"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("state: ", (string)body["message"]!, StringComparison.Ordinal);
    }

    private static async Task<string> RegressionAsync(KnownIssueTestApp app)
    {
        for (var i = 0; i < 2; i++)
        {
            var status = i == 0 ? "PASS" : "FAIL";
            await app.SubmitAsync("lab", $$"""
                {"version": {"major": 5, "minor": 3},
                 "checkouts": [{"id": "lab:c{{i}}", "origin": "lab", "tree_name": "mainline", "git_repository_branch": "master",
                                "git_commit_hash": "{{new string((char)('a' + i), 40)}}", "start_time": "2026-01-01T0{{i}}:00:00+00:00"}],
                 "builds": [{"id": "lab:b{{i}}", "origin": "lab", "checkout_id": "lab:c{{i}}", "status": "PASS"}],
                 "tests": [{"id": "lab:t{{i}}", "origin": "lab", "build_id": "lab:b{{i}}", "path": "boot", "status": "{{status}}"}]}
                """);
        }

        string? id = null;
        await KnownIssueTestApp.WaitAsync(async () => (id = await ScalarAsync(app, "SELECT id FROM kcidb_regressions", null)) is not null);
        return id!;
    }

    private static async Task<string?> StateAsync(KnownIssueTestApp app, string id) =>
        await ScalarAsync(app, "SELECT state FROM kcidb_regressions WHERE id = @id", id);

    private static async Task<string?> ScalarAsync(KnownIssueTestApp app, string sql, string? id)
    {
        await using var connection = await app.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (id is not null)
        {
            command.AddParameter("id", id);
        }

        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) as string;
    }
}
