using System.Collections.Concurrent;
using System.Diagnostics;
using KernelCI.Bench.Infrastructure;
using KernelCI.Client.Maestro;

namespace KernelCI.Bench.Maestro;

/// <summary>Time from the start of a node write to its delivery through /listen, over many listening subscribers.</summary>
internal static class EventLatency
{
    public static async Task<(double P50, double P99)> RunAsync(MaestroClient client, int subscribers, int events, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var writtenAt = new ConcurrentDictionary<string, double>();
        var latencies = new ConcurrentBag<double>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var subscriptions = new List<MaestroSubscription>();
        for (var s = 0; s < subscribers; s++)
        {
            subscriptions.Add(await client.SubscribeAsync("node", $"bench-latency-{s}", true, cancellationToken));
        }

        var listeners = subscriptions.Select(subscription => Task.Run(async () =>
        {
            var received = 0;
            while (received < events && !stop.IsCancellationRequested)
            {
                var next = await client.ListenAsync(subscription.Id, stop.Token);
                var now = clock.Elapsed.TotalMilliseconds;
                if (next?.NodeId is { } id && next.Op == "created")
                {
                    received++;
                    // The write's own reply may come back after the event; wait for its start time.
                    while (!writtenAt.ContainsKey(id))
                    {
                        await Task.Yield();
                    }

                    latencies.Add(now - writtenAt[id]);
                }
            }
        }, cancellationToken)).ToList();

        await Task.Delay(500, cancellationToken);
        for (var i = 0; i < events; i++)
        {
            var start = clock.Elapsed.TotalMilliseconds;
            var node = await client.CreateNodeAsync(CreateLoad.Node(i), cancellationToken);
            writtenAt[node.Id!] = start;
            await Task.Delay(10, cancellationToken);
        }

        var all = Task.WhenAll(listeners);
        if (await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(60), cancellationToken)) != all)
        {
            await stop.CancelAsync();
            throw new BenchFailure($"only {latencies.Count} of {subscribers * events} deliveries within 60 s");
        }

        var sorted = latencies.Order().ToList();
        return (Percentiles.Of(sorted, 50), Percentiles.Of(sorted, 99));
    }
}
