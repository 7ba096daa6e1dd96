using System.Net.Http.Json;
using KernelCI.Data;
using KernelCI.Kcidb.Ingestion;
using KernelCI.Kcidb.Spool;
using KernelCI.Kcidb.Submissions;
using KernelCI.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KernelCI.Kcidb.Tests.Ingestion;

/// <summary>Several batches in one writer transaction: their files leave the spool only once it commits.</summary>
public sealed class WriteGroupTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static string Checkout(string id, string tree = "mainline") => $$"""
        {"version":{"major":5,"minor":3},"checkouts":[{"id":"{{id}}","origin":"acme","tree_name":"{{tree}}"}]}
        """;

    // One file per batch, so each submission is a batch of its own.
    private static Task<KcidbTestApp> StartAsync(DatabaseKind kind) =>
        KcidbTestApp.StartAsync(kind, new KcidbOptions { RunIngester = false, BatchFiles = 1 });

    private static (IngestionBatcher Batcher, WriteGroup Group) Writer(KcidbTestApp app)
    {
        var options = app.App.Services.GetRequiredService<KcidbOptions>();
        var metrics = app.App.Services.GetRequiredService<KcidbMetrics>();
        var batcher = new IngestionBatcher(app.Spool, app.Store, options, metrics, NullLogger.Instance);
        return (batcher, new WriteGroup(app.Store, batcher, options, metrics));
    }

    private static async Task<string> SubmitAsync(KcidbTestApp app, string body)
    {
        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Post, "/submit", app.Token("acme"), body), Cancellation);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SubmissionReply>(Cancellation))!.Id;
    }

    private static async Task<PreparedBatch> PrepareAsync(IngestionBatcher batcher, params string[] inFlight) =>
        (await batcher.PrepareNextAsync(inFlight.ToHashSet(), Cancellation))!;

    // Two submissions, each a batch, written into one open transaction.
    private static async Task<(string First, string Second, IngestionBatcher Batcher, WriteGroup Group)> WriteTwoAsync(KcidbTestApp app)
    {
        var first = await SubmitAsync(app, Checkout("acme:1"));
        var second = await SubmitAsync(app, Checkout("acme:2"));
        var (batcher, group) = Writer(app);
        await group.AddAsync(await PrepareAsync(batcher), Cancellation);
        await group.AddAsync(await PrepareAsync(batcher, first), Cancellation);
        return (first, second, batcher, group);
    }

    private static async Task<long> CountCheckoutsAsync(KcidbTestApp app)
    {
        await using var connection = await app.Database.OpenConnectionAsync(Cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM checkouts";
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancellation), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Written_batches_stay_in_the_spool_until_the_group_commits(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var (first, second, batcher, group) = await WriteTwoAsync(app);
        await using var _ = group;

        Assert.Equal(SubmissionStatus.Ready, app.Spool.StatusOf(first));
        Assert.Equal(SubmissionStatus.Ready, app.Spool.StatusOf(second));
        Assert.Empty(group.TakeSettled());

        await group.CommitAsync(Cancellation);

        Assert.Equal(SubmissionStatus.Processed, app.Spool.StatusOf(first));
        Assert.Equal(SubmissionStatus.Processed, app.Spool.StatusOf(second));
        Assert.Equal(2, group.TakeSettled().Count);
        Assert.Equal(2, await CountCheckoutsAsync(app));
    }

    [Fact]
    public async Task Sqlite_group_is_not_visible_to_readers_before_its_commit()
    {
        await using var app = await StartAsync(DatabaseKind.Sqlite);
        var group = (await WriteTwoAsync(app)).Group;
        await using var _ = group;

        Assert.Equal(0, await CountCheckoutsAsync(app));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Abandoned_group_leaves_its_files_ready_and_they_load_again_exactly_once(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var (first, second, batcher, group) = await WriteTwoAsync(app);
        await using var _ = group;

        await group.AbandonAsync();

        Assert.Equal(2, group.TakeSettled().Count);
        Assert.Equal(SubmissionStatus.Ready, app.Spool.StatusOf(first));
        Assert.Equal(SubmissionStatus.Ready, app.Spool.StatusOf(second));
        while (await batcher.IngestNextBatchAsync(Cancellation))
        {
        }

        Assert.Equal(SubmissionStatus.Processed, app.Spool.StatusOf(first));
        Assert.Equal(SubmissionStatus.Processed, app.Spool.StatusOf(second));
        Assert.Equal(2, await CountCheckoutsAsync(app));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Batch_whose_rows_cannot_be_built_commits_the_group_first_then_fails_alone(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var good = await SubmitAsync(app, Checkout("acme:1"));
        var bad = await SubmitAsync(app,
            """{"version":{"major":5,"minor":3},"issues":[{"id":"acme:x","version":99999999999999999999,"origin":"acme"}]}""");
        var (batcher, group) = Writer(app);
        await using var _ = group;
        await group.AddAsync(await PrepareAsync(batcher), Cancellation);

        await group.AddAsync(await PrepareAsync(batcher, good), Cancellation);

        Assert.Equal(SubmissionStatus.Processed, app.Spool.StatusOf(good));
        Assert.Equal(SubmissionStatus.Failed, app.Spool.StatusOf(bad));
        Assert.Equal(2, group.TakeSettled().Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task After_an_abandoned_group_its_batches_load_one_transaction_each(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var first = await SubmitAsync(app, Checkout("acme:1"));
        var second = await SubmitAsync(app, Checkout("acme:2"));
        var (batcher, group) = Writer(app);
        await using var _ = group;
        await group.AddAsync(await PrepareAsync(batcher), Cancellation);
        await group.AbandonAsync();
        group.TakeSettled();

        await group.AddAsync(await PrepareAsync(batcher), Cancellation);

        // Loaded alone: committed by AddAsync itself, without waiting for the group's commit.
        Assert.Equal(SubmissionStatus.Processed, app.Spool.StatusOf(first));
        Assert.Single(group.TakeSettled());
        await group.AddAsync(await PrepareAsync(batcher, first), Cancellation);
        Assert.Equal(SubmissionStatus.Processed, app.Spool.StatusOf(second));
    }
}
