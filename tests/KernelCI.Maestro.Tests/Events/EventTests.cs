using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Maestro.Tests.Events;

public sealed class EventTests
{
    private static readonly MaestroOptions ShortKeepAlive = new() { KeepAlive = TimeSpan.FromMilliseconds(300) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Node_create_publishes_created_event_with_upstream_payload(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind, ShortKeepAlive);
        var client = app.Client(await app.TokenAsync("alice"));
        var subscription = await client.SubscribeAsync("node", cancellationToken: Ct);
        var node = await client.CreateNodeAsync(SampleNodes.Checkout(), Ct);

        var received = await client.ListenAsync(subscription.Id, Ct);

        var data = Assert.IsType<JsonObject>(received!.Data);
        Assert.Equal(["op", "id", "kind", "name", "path", "group", "state", "result", "owner", "data", "is_hierarchy"], data.Select(p => p.Key));
        Assert.Equal(("created", node.Id, "alice"), (received.Op, received.NodeId, received.Owner));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Update_event_carries_previous_state_and_result(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind, ShortKeepAlive);
        var client = app.Client(await app.TokenAsync("alice"));
        var node = await client.CreateNodeAsync(SampleNodes.Checkout(), Ct);
        var subscription = await client.SubscribeAsync("node", cancellationToken: Ct);
        await client.PatchNodeAsync(node.Id!, new JsonObject { ["state"] = "available", ["result"] = "pass" }, cancellationToken: Ct);

        var data = (await client.ListenAsync(subscription.Id, Ct))!.Data!;

        Assert.Equal(13, data.AsObject().Count);
        Assert.Equal(("updated", "available", "running"), (data["op"]!.ToString(), data["state"]!.ToString(), data["previous_state"]!.ToString()));
        Assert.Null(data["previous_result"]);
    }

    [Fact]
    public async Task Noevent_suppresses_the_event_and_listen_answers_with_a_keep_alive()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite, ShortKeepAlive);
        var client = app.Client(await app.TokenAsync("alice"));
        var node = await client.CreateNodeAsync(SampleNodes.Checkout(), Ct);
        var subscription = await client.SubscribeAsync("node", cancellationToken: Ct);
        await client.PatchNodeAsync(node.Id!, new JsonObject { ["state"] = "done" }, noEvent: true, cancellationToken: Ct);

        Assert.Null(await client.ListenAsync(subscription.Id, Ct));
    }

    [Fact]
    public async Task Without_promisc_a_subscriber_sees_only_its_own_events()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite, ShortKeepAlive);
        var alice = app.Client(await app.TokenAsync("alice"));
        var bob = app.Client(await app.TokenAsync("bob"));
        var plain = await alice.SubscribeAsync("node", cancellationToken: Ct);
        var promisc = await alice.SubscribeAsync("node", promiscuous: true, cancellationToken: Ct);
        var bobs = await bob.CreateNodeAsync(SampleNodes.Checkout(), Ct);

        Assert.Null(await alice.ListenAsync(plain.Id, Ct));
        Assert.Equal(bobs.Id, (await alice.ListenAsync(promisc.Id, Ct))!.NodeId);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Durable_subscriber_gets_every_missed_event_in_order_after_a_pause(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind, ShortKeepAlive);
        var client = app.Client(await app.TokenAsync("scheduler"));
        var first = await client.SubscribeAsync("node", "scheduler:node", true, Ct);
        var ids = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await client.CreateNodeAsync(SampleNodes.Checkout($"t{i}"), Ct)).Id!);
        }

        var again = await client.SubscribeAsync("node", "scheduler:node", true, Ct);
        var received = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            received.Add((await client.ListenAsync(again.Id, Ct))?.NodeId);
        }

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(ids, received);
        Assert.Null(await client.ListenAsync(again.Id, Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Subscriber_100000_events_behind_catches_up_in_order(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind, ShortKeepAlive);
        var client = app.Client(await app.TokenAsync("bridge"));
        var subscription = await client.SubscribeAsync("node", "bridge:node", true, Ct);
        await EventLog.BulkInsertAsync(app.Database, 100_000);

        var sequences = new List<long>();
        while (sequences.Count < 100_000)
        {
            var batch = await client.ListenBatchAsync(subscription.Id, 10_000, Ct);
            Assert.NotEmpty(batch);
            sequences.AddRange(batch.Select(e => e.Sequence!.Value));
        }

        Assert.Equal(100_000, sequences.Distinct().Count());
        Assert.True(sequences.SequenceEqual(sequences.Order()));
        Assert.Null(await client.ListenAsync(subscription.Id, Ct));
    }

    [Fact]
    public async Task Listen_wakes_up_when_a_node_is_written()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite, new MaestroOptions { KeepAlive = TimeSpan.FromSeconds(30) });
        var client = app.Client(await app.TokenAsync("alice"));
        var subscription = await client.SubscribeAsync("node", cancellationToken: Ct);
        var listening = client.ListenAsync(subscription.Id, Ct);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var node = await client.CreateNodeAsync(SampleNodes.Checkout(), Ct);

        Assert.Equal(node.Id, (await listening)!.NodeId);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Published_event_reaches_listeners_of_its_channel()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite, ShortKeepAlive);
        var client = app.Client(await app.TokenAsync("alice"));
        var subscription = await client.SubscribeAsync("retry", cancellationToken: Ct);
        await client.PublishAsync("retry", new JsonObject { ["id"] = "abc" }, Ct);

        Assert.Equal("abc", (await client.ListenAsync(subscription.Id, Ct))!.Data!["id"]!.ToString());
    }

    [Fact]
    public async Task Unsubscribe_unknown_returns_404_and_another_users_returns_403()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var alice = await app.TokenAsync("alice");
        var bob = app.Client(await app.TokenAsync("bob"));
        var subscription = await bob.SubscribeAsync("node", cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.NotFound, (await app.SendAsync(HttpMethod.Post, "unsubscribe/999", alice)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.SendAsync(HttpMethod.Post, $"unsubscribe/{subscription.Id}", alice)).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Events_endpoint_filters_on_kind_and_node_id(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var client = app.Client(await app.TokenAsync("alice"));
        var checkout = await client.CreateNodeAsync(SampleNodes.Checkout(), Ct);
        await client.CreateNodeAsync(SampleNodes.Child(checkout, "kbuild", "k1"), Ct);

        var kbuilds = JsonNode.Parse(await (await app.SendAsync(HttpMethod.Get, "events?kind=kbuild&limit=10", null)).Content.ReadAsStringAsync(Ct))!.AsArray();
        var byNode = JsonNode.Parse(await (await app.SendAsync(HttpMethod.Get, $"events?node_id={checkout.Id}", null)).Content.ReadAsStringAsync(Ct))!.AsArray();

        Assert.Equal("k1", Assert.Single(kbuilds)!["data"]!["name"]!.ToString());
        Assert.Equal(checkout.Id, Assert.Single(byNode)!["data"]!["id"]!.ToString());
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Stream_sends_only_events_matching_its_server_side_filters(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var client = app.Client(await app.TokenAsync("alice"));
        var checkout = await client.CreateNodeAsync(SampleNodes.Checkout(), Ct);
        await client.CreateNodeAsync(SampleNodes.Child(checkout, "kbuild", "k-arm", "arm64"), Ct);
        await client.CreateNodeAsync(SampleNodes.Child(checkout, "kbuild", "k-x86", "x86_64"), Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));

        await using var stream = client.StreamAsync(new Dictionary<string, string> { ["kind"] = "kbuild", ["data.arch"] = "x86_64" }, cancellationToken: timeout.Token).GetAsyncEnumerator(timeout.Token);

        Assert.True(await stream.MoveNextAsync());
        Assert.Equal("k-x86", stream.Current.Data!["name"]!.ToString());
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Stream_after_now_starts_with_the_first_event_after_it_opened(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var client = app.Client(await app.TokenAsync("alice"));
        await client.CreateNodeAsync(SampleNodes.Checkout(), Ct);
        await using var stream = await client.OpenStreamAsync(null, after: null, cancellationToken: Ct);

        var later = await client.CreateNodeAsync(SampleNodes.Checkout("tree-2"), Ct);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        Assert.Equal(later.Id, (await stream.ReadAsync(timeout.Token))!.NodeId);
    }
}
