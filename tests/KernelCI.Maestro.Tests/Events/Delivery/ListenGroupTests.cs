using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Maestro.Events.Delivery;
using KernelCI.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Maestro.Tests.Events.Delivery;

/// <summary>Long polls woken together advance their cursors in shared statements (CursorAdvancer), which also check
/// the caller's token and ownership: delivery, errors and durability must be those of one poll at a time.</summary>
public sealed class ListenGroupTests
{
    private static readonly MaestroOptions LongKeepAlive = new() { KeepAlive = TimeSpan.FromSeconds(30) };
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listeners_woken_by_one_event_share_their_cursor_statements(DatabaseKind kind)
    {
        // Given 20 durable subscribers all waiting on /listen
        await using var app = await MaestroTestApp.StartAsync(kind, LongKeepAlive);
        var client = app.Client(await app.TokenAsync("scheduler"));
        var subscriptions = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            subscriptions.Add((await client.SubscribeAsync("node", $"scheduler:{i}", true, Ct)).Id);
        }

        var advancer = app.App.Services.GetRequiredService<CursorAdvancer>();
        var listening = subscriptions.Select(id => client.ListenAsync(id, Ct)).ToList();
        // Waiting on in-process state rather than guessing a delay: every first poll has found nothing and now waits.
        Assert.True(SpinWait.SpinUntil(() => advancer.Advances >= 20, Patience), $"{advancer.Advances} of 20 first polls advanced");
        var before = advancer.Statements;

        // When one node is written
        var node = await client.CreateNodeAsync(SampleNodes.Checkout(), Ct);

        // Then every listener gets it, through fewer statements than listeners (typically two: the first poll woken,
        // then all the others, which queued meanwhile; how many form depends on scheduling, so only sharing is checked)
        Assert.All(await Task.WhenAll(listening), e => Assert.Equal(node.Id, e!.NodeId));
        Assert.True(advancer.Statements - before < 20, $"{advancer.Statements - before} statements for 20 woken listeners");
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_polls_of_one_subscription_get_different_events(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind, LongKeepAlive);
        var client = app.Client(await app.TokenAsync("scheduler"));
        var subscription = await client.SubscribeAsync("node", "scheduler:node", true, Ct);
        var first = await client.CreateNodeAsync(SampleNodes.Checkout("t1"), Ct);
        var second = await client.CreateNodeAsync(SampleNodes.Checkout("t2"), Ct);

        var received = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.ListenAsync(subscription.Id, Ct)));

        Assert.Equal(new[] { first.Id, second.Id }.Order(StringComparer.Ordinal), received.Select(e => e!.NodeId).Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listen_to_an_unknown_subscription_is_404_and_to_another_users_is_403(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind, LongKeepAlive);
        var alice = await app.TokenAsync("alice");
        var bob = app.Client(await app.TokenAsync("bob"));
        var subscription = await bob.SubscribeAsync("node", cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.NotFound, (await app.SendAsync(HttpMethod.Get, "listen/999", alice)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.SendAsync(HttpMethod.Get, $"listen/{subscription.Id}", alice)).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listen_with_a_revoked_token_is_401(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind, LongKeepAlive);
        var token = await app.TokenAsync("alice");
        var subscription = await app.Client(token).SubscribeAsync("node", "alice:node", cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.NoContent, (await app.SendAsync(HttpMethod.Post, "user/logout", token)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.SendAsync(HttpMethod.Get, $"listen/{subscription.Id}", token)).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Cursors_advanced_together_continue_after_a_restart_without_loss_or_repeat(DatabaseKind kind)
    {
        // Given 10 durable subscribers that received one event through a replica, woken together
        await using var owner = await MaestroTestApp.StartAsync(kind, LongKeepAlive);
        var token = await owner.TokenAsync("scheduler");
        var ids = new List<long>();
        string firstNode;
        await using (var replica = await MaestroTestApp.ReplicaOfAsync(owner, LongKeepAlive))
        {
            var client = replica.Client(token);
            for (var i = 0; i < 10; i++)
            {
                ids.Add((await client.SubscribeAsync("node", $"scheduler:{i}", true, Ct)).Id);
            }

            var listening = ids.Select(id => client.ListenAsync(id, Ct)).ToList();
            firstNode = (await client.CreateNodeAsync(SampleNodes.Checkout("t1"), Ct)).Id!;
            Assert.All(await Task.WhenAll(listening), e => Assert.Equal(firstNode, e!.NodeId));
        }

        // When that replica is gone and another one serves them after a further write
        await using var restarted = await MaestroTestApp.ReplicaOfAsync(owner, LongKeepAlive);
        var again = restarted.Client(token);
        var secondNode = (await again.CreateNodeAsync(SampleNodes.Checkout("t2"), Ct)).Id!;

        // Then each gets the next event after the one it was given, and then nothing
        Assert.All(await Task.WhenAll(ids.Select(id => again.ListenAsync(id, Ct))), e => Assert.Equal(secondNode, e!.NodeId));
        var quiet = new MaestroOptions { KeepAlive = TimeSpan.FromMilliseconds(200) };
        await using var idle = await MaestroTestApp.ReplicaOfAsync(owner, quiet);
        Assert.All(await Task.WhenAll(ids.Select(id => idle.Client(token).ListenAsync(id, Ct))), Assert.Null);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Poll_after_the_last_event_waits_without_a_statement(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind, new MaestroOptions { KeepAlive = TimeSpan.FromMilliseconds(300) });
        var client = app.Client(await app.TokenAsync("scheduler"));
        var subscription = await client.SubscribeAsync("node", "scheduler:node", true, Ct);
        await client.CreateNodeAsync(SampleNodes.Checkout(), Ct);
        Assert.NotNull(await client.ListenAsync(subscription.Id, Ct));
        // On PostgreSQL the event can be read before its NOTIFY arrives, whose wake-up then costs one statement more:
        // one keep-alive round lets it pass.
        Assert.Null(await client.ListenAsync(subscription.Id, Ct));
        var advancer = app.App.Services.GetRequiredService<CursorAdvancer>();
        var before = advancer.Statements;

        Assert.Null(await client.ListenAsync(subscription.Id, Ct));

        Assert.Equal(before, advancer.Statements);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Poll_after_the_last_event_gets_the_next_one_written_before_it(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind, new MaestroOptions { KeepAlive = TimeSpan.FromMilliseconds(300) });
        var client = app.Client(await app.TokenAsync("scheduler"));
        var subscription = await client.SubscribeAsync("node", "scheduler:node", true, Ct);
        var first = await client.CreateNodeAsync(SampleNodes.Checkout("t1"), Ct);
        Assert.Equal(first.Id, (await client.ListenAsync(subscription.Id, Ct))!.NodeId);

        var second = await client.CreateNodeAsync(SampleNodes.Checkout("t2"), Ct);

        Assert.Equal(second.Id, (await client.ListenAsync(subscription.Id, Ct))!.NodeId);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Batch_listen_after_the_last_event_gets_every_event_written_since(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind, new MaestroOptions { KeepAlive = TimeSpan.FromMilliseconds(300) });
        var client = app.Client(await app.TokenAsync("scheduler"));
        var subscription = await client.SubscribeAsync("node", "scheduler:node", true, Ct);
        var listening = client.ListenBatchAsync(subscription.Id, 100, Ct);
        var first = await client.CreateNodeAsync(SampleNodes.Checkout("t1"), Ct);
        Assert.Equal(first.Id, Assert.Single(await listening).NodeId);
        Assert.Empty(await client.ListenBatchAsync(subscription.Id, 100, Ct));

        var later = new[] { await client.CreateNodeAsync(SampleNodes.Checkout("t2"), Ct), await client.CreateNodeAsync(SampleNodes.Checkout("t3"), Ct) };

        var received = new List<string?>();
        while (received.Count < 2)
        {
            received.AddRange((await client.ListenBatchAsync(subscription.Id, 100, Ct)).Select(e => e.NodeId));
        }

        Assert.Equal(later.Select(n => n.Id), received);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listener_on_a_quiet_channel_stays_out_of_the_database_while_another_channel_gets_events(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind, new MaestroOptions { KeepAlive = TimeSpan.FromSeconds(30) });
        var client = app.Client(await app.TokenAsync("scheduler"));
        var retry = await client.SubscribeAsync("retry", "scheduler:retry", true, Ct);
        var listening = client.ListenAsync(retry.Id, Ct);
        // Its first statement finds nothing on its channel: from then on it waits as a scheduler's idle retry listener does.
        await Task.Delay(300, Ct);
        var advancer = app.App.Services.GetRequiredService<CursorAdvancer>();
        var before = advancer.Statements;

        for (var i = 0; i < 10; i++)
        {
            await client.CreateNodeAsync(SampleNodes.Checkout("t" + i), Ct);
        }

        await Task.Delay(500, Ct);
        Assert.False(listening.IsCompleted);
        Assert.True(advancer.Statements - before <= 1, $"{advancer.Statements - before} statements for a listener on another channel");
        await client.PublishAsync("retry", new JsonObject { ["id"] = "abc" }, Ct);
        Assert.Equal("abc", (await listening)!.Data!["id"]!.ToString());
    }
}
