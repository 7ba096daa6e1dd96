using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Maestro.Nodes;
using KernelCI.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Maestro.Tests.Nodes;

/// <summary>POST /node group commit: creates that queue up while a write is in flight are written in one transaction,
/// each still getting its own answer and exactly one event.</summary>
public sealed class GroupCommitTests
{
    private static readonly MaestroOptions ShortKeepAlive = new() { KeepAlive = TimeSpan.FromMilliseconds(300) };

    // One drain, so that the creates queued behind a held-up write are known to form the next group.
    private static readonly MaestroOptions OneDrain = ShortKeepAlive with { ConcurrentNodeWrites = 1 };
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_creates_each_get_one_event_in_commit_order(DatabaseKind kind)
    {
        // Given a durable subscriber and 40 creates queued behind a write that is held up
        await using var app = await MaestroTestApp.StartAsync(kind, OneDrain);
        var token = await app.TokenAsync("scheduler");
        var subscription = await app.Client(token).SubscribeAsync("node", "scheduler:node", true, Ct);
        var bodies = Enumerable.Range(0, 40).Select(i => SampleNodes.CheckoutJson($"checkout-{i}")).ToList();

        // When the hold is released
        var (responses, queue) = await QueuedBehindAWriteAsync(app, token, bodies, expectedQueued: 40);

        // Then all 41 creates succeed in two transactions, and each node has one event, in id (= commit) order
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(2, queue.Transactions);
        var created = responses.Select(r => JsonNode.Parse(r.Body)!["id"]!.GetValue<string>()).ToList();
        var events = await DrainAsync(app.Client(token), subscription.Id, created.Count);
        Assert.Equal(created.Order(StringComparer.Ordinal), events.Select(e => e.NodeId!));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.Second.Sequence == p.First.Sequence + 1), "positions are contiguous");
        Assert.Null(await app.Client(token).ListenAsync(subscription.Id, Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task One_invalid_create_among_concurrent_valid_ones_gets_its_own_4xx(DatabaseKind kind)
    {
        // Given valid creates, one with an unknown parent (found out inside the group write) and one with a bad kind
        await using var app = await MaestroTestApp.StartAsync(kind, OneDrain);
        var token = await app.TokenAsync("scheduler");
        var subscription = await app.Client(token).SubscribeAsync("node", "scheduler:node", true, Ct);
        var orphan = JsonNode.Parse(SampleNodes.CheckoutJson("orphan"))!.AsObject();
        orphan["parent"] = "0123456789abcdef01234567";
        var badKind = new JsonObject { ["kind"] = "node", ["name"] = "bad", ["path"] = new JsonArray("bad") }.ToJsonString();
        var bodies = Enumerable.Range(0, 10).Select(i => SampleNodes.CheckoutJson($"checkout-{i}")).Append(orphan.ToJsonString()).Append(badKind).ToList();

        // When they are all queued behind one write
        var (responses, queue) = await QueuedBehindAWriteAsync(app, token, bodies, expectedQueued: 11);

        // Then the bad ones get their own 404 and 400, and the other 11 are written together with one event each
        Assert.Equal(HttpStatusCode.NotFound, responses[^2].Status);
        Assert.Contains("Parent not found", responses[^2].Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, responses[^1].Status);
        Assert.All(responses.SkipLast(2), r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(2, queue.Transactions);
        var events = await DrainAsync(app.Client(token), subscription.Id, 10);
        Assert.Equal(responses.SkipLast(2).Select(r => JsonNode.Parse(r.Body)!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal), events.Select(e => e.NodeId!));
        Assert.Null(await app.Client(token).ListenAsync(subscription.Id, Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Database_failure_in_a_batch_fails_only_the_failing_create_and_loses_none(DatabaseKind kind)
    {
        // Given a database that refuses one of the queued nodes, failing the group's transaction
        await using var app = await MaestroTestApp.StartAsync(kind, OneDrain);
        var token = await app.TokenAsync("scheduler");
        var subscription = await app.Client(token).SubscribeAsync("node", "scheduler:node", true, Ct);
        await PoisonTrigger.InstallAsync(app.Database, "poison%");
        var bodies = Enumerable.Range(0, 10).Select(i => SampleNodes.CheckoutJson($"checkout-{i}")).Append(SampleNodes.CheckoutJson("poison")).ToList();

        // When the group is written
        var (responses, queue) = await QueuedBehindAWriteAsync(app, token, bodies, expectedQueued: 11);

        // Then its requests are retried one by one: only the refused one fails, with a clear reason, and nothing is lost
        Assert.Equal(HttpStatusCode.ServiceUnavailable, responses[^1].Status);
        Assert.Contains(PoisonTrigger.Message, responses[^1].Body, StringComparison.Ordinal);
        Assert.All(responses.SkipLast(1), r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(2 + 11, queue.Transactions);
        Assert.Equal(11, await app.Client(token).CountAsync(cancellationToken: Ct));
        var events = await DrainAsync(app.Client(token), subscription.Id, 10);
        Assert.Equal(responses.SkipLast(1).Select(r => JsonNode.Parse(r.Body)!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal), events.Select(e => e.NodeId!).Order(StringComparer.Ordinal));
        Assert.Null(await app.Client(token).ListenAsync(subscription.Id, Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_creates_through_several_drains_each_get_one_event_in_per_client_order(DatabaseKind kind)
    {
        // Given 8 clients each creating 10 nodes one after another, with the default number of drains
        await using var app = await MaestroTestApp.StartAsync(kind, ShortKeepAlive);
        var token = await app.TokenAsync("scheduler");
        var subscription = await app.Client(token).SubscribeAsync("node", "scheduler:node", true, Ct);
        await app.Client(token).CreateNodeAsync(SampleNodes.Checkout("before"), Ct);

        // When they all run at once
        var perClient = await Task.WhenAll(Enumerable.Range(0, 8).Select(c => Task.Run(async () =>
        {
            var client = app.Client(token);
            var ids = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                ids.Add((await client.CreateNodeAsync(SampleNodes.Checkout($"c{c}-{i}"), Ct)).Id!);
            }

            return ids;
        }, Ct)));

        // Then every node has exactly one event, positions are contiguous, and each client's nodes come in its order
        var events = await DrainAsync(app.Client(token), subscription.Id, 80);
        var delivered = events.Select(e => e.NodeId!).ToList();
        Assert.Equal(perClient.SelectMany(ids => ids).Order(StringComparer.Ordinal), delivered.Order(StringComparer.Ordinal));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.Second.Sequence == p.First.Sequence + 1), "positions are contiguous");
        Assert.All(perClient, ids => Assert.Equal(ids, delivered.Where(ids.Contains)));
        Assert.Null(await app.Client(token).ListenAsync(subscription.Id, Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Database_refusing_every_write_fails_each_request_clearly_and_recovers(DatabaseKind kind)
    {
        // Given a database that refuses every node
        await using var app = await MaestroTestApp.StartAsync(kind, ShortKeepAlive);
        var token = await app.TokenAsync("scheduler");
        await PoisonTrigger.InstallAsync(app.Database, "%");

        // When concurrent creates are written
        var failed = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => PostAsync(app, token, SampleNodes.CheckoutJson($"checkout-{i}"))));
        await PoisonTrigger.RemoveAsync(app.Database);
        var after = await PostAsync(app, token, SampleNodes.CheckoutJson("after"));

        // Then every request gets a 503 saying why, none is stored, and the next write works
        Assert.All(failed, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.Status));
        Assert.All(failed, r => Assert.Contains("Node create failed in the database", r.Body, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal(1, await app.Client(token).CountAsync(cancellationToken: Ct));
    }

    // The first create takes the write and blocks on the held lock; the rest queue; then the lock is released.
    private static async Task<((HttpStatusCode Status, string Body)[] Responses, NodeCreateQueue Queue)> QueuedBehindAWriteAsync(
        MaestroTestApp app, string token, IReadOnlyList<string> bodies, int expectedQueued)
    {
        var queue = app.App.Services.GetRequiredService<NodeCreateQueue>();
        Task<(HttpStatusCode, string)> first;
        Task<(HttpStatusCode, string)[]> rest;
        await using (await WriteBlocker.HoldAsync(app.Database))
        {
            first = PostAsync(app, token, SampleNodes.CheckoutJson("first"));
            // Waiting on in-process state rather than guessing a delay: the queue is only observable this way.
            Assert.True(SpinWait.SpinUntil(() => queue.Transactions == 1 && queue.Waiting == 0, Patience), "first create reached the writer");
            rest = Task.WhenAll(bodies.Select(b => PostAsync(app, token, b)));
            Assert.True(SpinWait.SpinUntil(() => queue.Waiting == expectedQueued, Patience), $"{queue.Waiting} of {expectedQueued} queued");
        }

        var firstResponse = await first;
        Assert.Equal(HttpStatusCode.OK, firstResponse.Item1);
        return (await rest, queue);
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(MaestroTestApp app, string token, string body)
    {
        using var response = await app.SendAsync(HttpMethod.Post, "node", token, body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    // Everything after the first create (which came before the group), in delivery order.
    private static async Task<List<KernelCI.Client.Maestro.MaestroEvent>> DrainAsync(KernelCI.Client.Maestro.MaestroClient client, long subscription, int count)
    {
        var events = new List<KernelCI.Client.Maestro.MaestroEvent>();
        while (events.Count < count + 1)
        {
            events.AddRange(await client.ListenBatchAsync(subscription, 1000, Ct));
        }

        Assert.True(events.Select(e => e.Sequence!.Value).SequenceEqual(events.Select(e => e.Sequence!.Value).Order()));
        return events.Skip(1).ToList();
    }
}
