using System.Net.Http.Json;
using KernelCI.Client.Kcidb;
using KernelCI.Data;
using KernelCI.Kcidb.Ingestion;
using KernelCI.Kcidb.Spool;
using KernelCI.Kcidb.Submissions;
using KernelCI.Kcidb.Tests.Spool;
using KernelCI.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KernelCI.Kcidb.Tests.Ingestion;

/// <summary>Whatever one spooled file holds fails that file alone, with its reason in /status; the rest is ingested.</summary>
public sealed class IngestionIsolationTests
{
    private const string LoneSurrogate =
        """{"version":{"major":5,"minor":3},"checkouts":[{"id":"acme:x","origin":"acme","comment":"\ud800"}]}""";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static string Checkout(string id) =>
        $$"""{"version":{"major":5,"minor":3},"checkouts":[{"id":"{{id}}","origin":"acme","tree_name":"mainline"}]}""";

    private static IngestionBatcher Batcher(KcidbTestApp app) => new(
        app.Spool, app.Store, app.App.Services.GetRequiredService<KcidbOptions>(),
        app.App.Services.GetRequiredService<KcidbMetrics>(), NullLogger.Instance);

    private static async Task<long> CountAsync(KcidbTestApp app, string id)
    {
        await using var connection = await app.Database.OpenConnectionAsync(Cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM checkouts WHERE id = @id";
        command.AddParameter("id", id);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancellation), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Lone_surrogate_in_the_spool_fails_alone_and_the_rest_of_the_batch_is_ingested(DatabaseKind kind)
    {
        await using var app = await KcidbTestApp.StartAsync(kind, new KcidbOptions { RunIngester = false });
        var bad = SpoolFiles.Drop(app.Spool, LoneSurrogate, received: DateTime.UtcNow.AddMinutes(-1));
        var good = SpoolFiles.Drop(app.Spool, Checkout("acme:good"));

        await Batcher(app).IngestNextBatchAsync(Cancellation);

        Assert.Equal(SubmissionStatus.Failed, app.Spool.StatusOf(bad));
        Assert.Contains(app.Spool.FailureReasons(bad), r => r.Contains("checkouts[0].comment", StringComparison.Ordinal));
        Assert.Equal(SubmissionStatus.Processed, app.Spool.StatusOf(good));
        Assert.Equal(1, await CountAsync(app, "acme:good"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Lone_surrogate_in_a_field_the_schema_leaves_unchecked_fails_alone_or_loads(DatabaseKind kind)
    {
        await using var app = await KcidbTestApp.StartAsync(kind, new KcidbOptions { RunIngester = false });
        var bad = SpoolFiles.Drop(app.Spool,
            """{"version":{"major":5,"minor":3},"checkouts":[{"id":"acme:m","origin":"acme","misc":{"x":"\ud800"},"tree_name":"\udc00"}]}""",
            received: DateTime.UtcNow.AddMinutes(-1));
        var good = SpoolFiles.Drop(app.Spool, Checkout("acme:good"));

        await Batcher(app).IngestNextBatchAsync(Cancellation);

        Assert.Equal(SubmissionStatus.Failed, app.Spool.StatusOf(bad));
        Assert.Equal(SubmissionStatus.Processed, app.Spool.StatusOf(good));
        Assert.Equal(1, await CountAsync(app, "acme:good"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task File_that_is_not_a_kcidb_document_at_all_fails_alone(DatabaseKind kind)
    {
        await using var app = await KcidbTestApp.StartAsync(kind, new KcidbOptions { RunIngester = false });
        var notJson = SpoolFiles.Drop(app.Spool, [0xFF, 0xFE, 0x00], received: DateTime.UtcNow.AddMinutes(-2));
        var badUtf8 = SpoolFiles.Drop(app.Spool,
            [.. """{"version":{"major":5,"minor":3},"checkouts":[{"id":"acme:u","origin":"acme","comment":"\n"""u8, 0xFF, .. "\"}]}"u8],
            received: DateTime.UtcNow.AddMinutes(-1));
        var good = SpoolFiles.Drop(app.Spool, Checkout("acme:good"));

        await Batcher(app).IngestNextBatchAsync(Cancellation);

        Assert.Equal(SubmissionStatus.Failed, app.Spool.StatusOf(notJson));
        Assert.NotEqual(SubmissionStatus.Ready, app.Spool.StatusOf(badUtf8));
        Assert.Equal(SubmissionStatus.Processed, app.Spool.StatusOf(good));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Running_ingester_is_not_halted_by_a_submission_it_cannot_load(DatabaseKind kind)
    {
        await using var app = await KcidbTestApp.StartAsync(kind);
        var token = app.Token("acme");
        var bad = SpoolFiles.Drop(app.Spool, LoneSurrogate, received: DateTime.UtcNow.AddMinutes(-1));
        using var submitted = await app.Client.SendAsync(app.Request(HttpMethod.Post, "/submit", token, Checkout("acme:after")), Cancellation);
        var good = (await submitted.Content.ReadFromJsonAsync<SubmissionReply>(Cancellation))!.Id;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var client = new KcidbClient(app.Client, token);

        var goodStatus = await client.WaitAsync(good, TimeSpan.FromMilliseconds(20), cancellationToken: timeout.Token);
        var badStatus = await client.WaitAsync(bad, TimeSpan.FromMilliseconds(20), cancellationToken: timeout.Token);

        Assert.Equal("processed", goodStatus.Status);
        Assert.Equal("failed", badStatus.Status);
        Assert.Contains(badStatus.Errors!, e => e.Contains("checkouts[0].comment", StringComparison.Ordinal));
    }
}
