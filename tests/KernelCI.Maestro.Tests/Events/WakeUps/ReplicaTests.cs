using KernelCI.Data;

namespace KernelCI.Maestro.Tests.Events.WakeUps;

public sealed class ReplicaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_replicas_on_one_PostgreSQL_deliver_every_event_exactly_once_in_order()
    {
        var options = new MaestroOptions { KeepAlive = TimeSpan.FromMilliseconds(500) };
        await using var first = await MaestroTestApp.StartAsync(DatabaseKind.PostgreSql, options);
        await using var second = await MaestroTestApp.ReplicaOfAsync(first, options);
        var token = await first.TokenAsync("scheduler");
        var clients = new[] { first.Client(token), second.Client(token) };
        var subscription = await clients[0].SubscribeAsync("node", "scheduler:node", true, Ct);

        // Writers on both replicas run while the one cursor is read alternately through each.
        var written = new List<string>();
        var writers = Enumerable.Range(0, 2).Select(r => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                var node = await clients[r].CreateNodeAsync(SampleNodes.Checkout($"r{r}-{i}"), Ct);
                lock (written)
                {
                    written.Add(node.Id!);
                }
            }
        }, Ct)).ToArray();

        var received = new List<(long Sequence, string Id)>();
        var turn = 0;
        while (received.Count < 40)
        {
            var next = await clients[turn++ % 2].ListenAsync(subscription.Id, Ct);
            if (next is not null)
            {
                received.Add((next.Sequence!.Value, next.NodeId!));
            }
        }

        await Task.WhenAll(writers);
        Assert.Null(await clients[turn % 2].ListenAsync(subscription.Id, Ct));
        Assert.Equal(written.Order(StringComparer.Ordinal), received.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.True(received.Select(r => r.Sequence).SequenceEqual(received.Select(r => r.Sequence).Order()));
    }

    [Fact]
    public async Task Listener_on_one_replica_wakes_for_a_write_on_the_other()
    {
        var options = new MaestroOptions { KeepAlive = TimeSpan.FromSeconds(30) };
        await using var first = await MaestroTestApp.StartAsync(DatabaseKind.PostgreSql, options);
        await using var second = await MaestroTestApp.ReplicaOfAsync(first, options);
        var token = await first.TokenAsync("alice");
        var subscription = await first.Client(token).SubscribeAsync("node", cancellationToken: Ct);
        var listening = first.Client(token).ListenAsync(subscription.Id, Ct);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var node = await second.Client(token).CreateNodeAsync(SampleNodes.Checkout(), Ct);

        Assert.Equal(node.Id, (await listening)!.NodeId);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"woke after {started.Elapsed}");
    }
}
