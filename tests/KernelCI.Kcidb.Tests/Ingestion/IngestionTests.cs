using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KernelCI.Data;
using KernelCI.Kcidb.Ingestion;
using KernelCI.Kcidb.Spool;
using KernelCI.Kcidb.Store;
using KernelCI.Kcidb.Submissions;
using KernelCI.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KernelCI.Kcidb.Tests.Ingestion;

public sealed class IngestionTests
{
    private static string Checkout(string id, string origin = "acme", string tree = "mainline") => $$"""
        {"version":{"major":5,"minor":3},"checkouts":[{"id":"{{id}}","origin":"{{origin}}","tree_name":"{{tree}}"}]}
        """;

    private static async Task<KcidbTestApp> StartAsync(DatabaseKind kind) =>
        await KcidbTestApp.StartAsync(kind, new KcidbOptions { RunIngester = false });

    private static IngestionBatcher Batcher(KcidbTestApp app) => new(
        app.Spool, app.Store, app.App.Services.GetRequiredService<KcidbOptions>(),
        app.App.Services.GetRequiredService<KcidbMetrics>(), NullLogger.Instance);

    private static async Task<string> SubmitAsync(KcidbTestApp app, string token, string body)
    {
        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Post, "/submit", token, body));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SubmissionReply>())!.Id;
    }

    private static async Task<string?> ScalarAsync(KcidbTestApp app, string sql, string id)
    {
        await using var connection = await app.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("id", id);
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Spooled_submission_is_ingested_and_marked_processed(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var id = await SubmitAsync(app, app.Token("acme"), Checkout("acme:1"));

        await Batcher(app).IngestNextBatchAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SubmissionStatus.Processed, app.Spool.StatusOf(id));
        Assert.Equal("mainline", await ScalarAsync(app, "SELECT tree_name FROM checkouts WHERE id = @id", "acme:1"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Schema_violation_fails_the_submission_with_its_reasons(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var id = await SubmitAsync(app, app.Token("acme"),
            """{"version":{"major":5,"minor":3},"builds":[{"id":"acme:b","origin":"acme","checkout_id":"acme:1","status":"BROKEN"}]}""");

        await Batcher(app).IngestNextBatchAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SubmissionStatus.Failed, app.Spool.StatusOf(id));
        using var status = await app.Client.SendAsync(app.Request(HttpMethod.Get, $"/status?id={id}", app.Token("acme")));
        var reply = await status.Content.ReadFromJsonAsync<StatusReply>();
        Assert.Equal("failed", reply!.Status);
        Assert.Contains(reply.Errors!, e => e.Contains("builds[0].status", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Objects_of_another_origin_fail_the_whole_submission(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var body = """
            {"version":{"major":5,"minor":3},"checkouts":[
              {"id":"acme:1","origin":"acme"},
              {"id":"other:2","origin":"other"}]}
            """;
        var id = await SubmitAsync(app, app.Token("acme"), body);

        await Batcher(app).IngestNextBatchAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SubmissionStatus.Failed, app.Spool.StatusOf(id));
        Assert.Contains(app.Spool.FailureReasons(id), r => r.Contains("checkouts[1] (id other:2)", StringComparison.Ordinal));
        Assert.Null(await ScalarAsync(app, "SELECT id FROM checkouts WHERE id = @id", "acme:1"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Admin_token_may_submit_for_any_origin(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var id = await SubmitAsync(app, app.Token("admin", admin: true), Checkout("other:2", origin: "other"));

        await Batcher(app).IngestNextBatchAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SubmissionStatus.Processed, app.Spool.StatusOf(id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Submission_ingested_before_a_crash_is_archived_without_loading_it_again(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        using var first = JsonDocument.Parse(Checkout("acme:1", tree: "first"));
        await app.Store.IngestAsync([new AcceptedSubmission("crashed", first.RootElement)], TestContext.Current.CancellationToken);
        // The crash came after the commit and before the file left the spool; a changed body shows whether it is loaded twice.
        var meta = new SubmissionMeta("acme", false, DateTime.UtcNow.Ticks);
        await app.Spool.WriteAsync("crashed", new MemoryStream(Encoding.UTF8.GetBytes(Checkout("acme:1", tree: "second"))), meta, 1 << 20, default);

        await Batcher(app).IngestNextBatchAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SubmissionStatus.Processed, app.Spool.StatusOf("crashed"));
        Assert.Equal("first", await ScalarAsync(app, "SELECT tree_name FROM checkouts WHERE id = @id", "acme:1"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Later_submission_of_the_same_object_wins_within_one_batch(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var token = app.Token("acme");
        await SubmitAsync(app, token, Checkout("acme:1", tree: "first"));
        await SubmitAsync(app, token, Checkout("acme:1", tree: "second"));

        await Batcher(app).IngestNextBatchAsync(TestContext.Current.CancellationToken);

        Assert.Equal("second", await ScalarAsync(app, "SELECT tree_name FROM checkouts WHERE id = @id", "acme:1"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Submission_whose_rows_cannot_be_built_fails_alone_and_the_rest_of_its_batch_loads(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var token = app.Token("acme");
        var good = await SubmitAsync(app, token, Checkout("acme:1"));
        // Valid for the schema (an integer), but no issue key can hold it: building the batch's rows fails.
        var bad = await SubmitAsync(app, token,
            """{"version":{"major":5,"minor":3},"issues":[{"id":"acme:x","version":99999999999999999999,"origin":"acme"}]}""");

        await Batcher(app).IngestNextBatchAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SubmissionStatus.Processed, app.Spool.StatusOf(good));
        Assert.Equal(SubmissionStatus.Failed, app.Spool.StatusOf(bad));
        Assert.Contains(app.Spool.FailureReasons(bad), r => r.StartsWith("the database refused the submission", StringComparison.Ordinal));
        Assert.Equal("mainline", await ScalarAsync(app, "SELECT tree_name FROM checkouts WHERE id = @id", "acme:1"));
    }

    [Fact]
    public async Task Running_ingester_processes_a_submission_without_being_called()
    {
        await using var app = await KcidbTestApp.StartAsync(DatabaseKind.Sqlite);
        var token = app.Token("acme");
        var id = await SubmitAsync(app, token, Checkout("acme:7"));

        var status = await new KernelCI.Client.Kcidb.KcidbClient(app.Client, token)
            .WaitAsync(id, TimeSpan.FromMilliseconds(20), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("processed", status.Status);
    }
}
