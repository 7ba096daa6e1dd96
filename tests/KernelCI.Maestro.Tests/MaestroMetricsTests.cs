using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Maestro.Tests;

public sealed class MaestroMetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Created_nodes_and_their_events_are_counted(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        using var metrics = new MetricRecorder(app.App.Services.GetRequiredService<IMeterFactory>(), MaestroMetrics.MeterName);
        var client = app.Client(await app.TokenAsync("lab"));

        await client.CreateNodeAsync(SampleNodes.Checkout(), Ct);
        await client.CreateNodeAsync(SampleNodes.Checkout(), Ct);

        Assert.Equal(2, metrics.Value("maestro_nodes_created_total"));
        Assert.Equal(2, metrics.Value("maestro_events_total", ("channel", "node")));
    }

    [Fact]
    public async Task Updates_are_counted_with_an_event_unless_noevent()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var client = app.Client(await app.TokenAsync("lab"));
        var node = await client.CreateNodeAsync(SampleNodes.Checkout(), Ct);
        using var metrics = new MetricRecorder(app.App.Services.GetRequiredService<IMeterFactory>(), MaestroMetrics.MeterName);

        await client.PatchNodeAsync(node.Id!, new JsonObject { ["state"] = "available" }, cancellationToken: Ct);
        await client.PatchNodeAsync(node.Id!, new JsonObject { ["state"] = "done" }, noEvent: true, Ct);

        Assert.Equal(2, metrics.Value("maestro_nodes_updated_total"));
        Assert.Equal(1, metrics.Value("maestro_events_total", ("channel", "node")));
    }

    [Fact]
    public async Task Published_events_are_counted_by_channel()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var token = await app.TokenAsync("lab");
        using var metrics = new MetricRecorder(app.App.Services.GetRequiredService<IMeterFactory>(), MaestroMetrics.MeterName);

        await app.SendAsync(HttpMethod.Post, "publish/lab-results", token, """{"data":{"x":1}}""");

        Assert.Equal(1, metrics.Value("maestro_events_total", ("channel", "lab-results")));
    }

    [Fact]
    public async Task A_waiting_long_poll_is_a_listener()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite, new MaestroOptions { KeepAlive = TimeSpan.FromSeconds(30) });
        var client = app.Client(await app.TokenAsync("lab"));
        var subscription = await client.SubscribeAsync("node", cancellationToken: Ct);
        using var metrics = new MetricRecorder(app.App.Services.GetRequiredService<IMeterFactory>(), MaestroMetrics.MeterName);

        var listen = client.ListenAsync(subscription.Id, Ct);
        await Until(() => metrics.Value("maestro_listeners") == 1);
        await client.CreateNodeAsync(SampleNodes.Checkout(), Ct);
        await listen;

        Assert.Equal(0, metrics.Value("maestro_listeners"));
    }

    [Fact]
    public async Task Subscriptions_are_counted_when_a_replica_starts()
    {
        await using var first = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        await first.Client(await first.TokenAsync("lab")).SubscribeAsync("node", "lab-1", cancellationToken: Ct);

        await using var replica = await MaestroTestApp.ReplicaOfAsync(first);
        using var metrics = new MetricRecorder(replica.App.Services.GetRequiredService<IMeterFactory>(), MaestroMetrics.MeterName);

        await Until(() => metrics.Value("maestro_subscriptions") == 1);
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25, Ct);
        }

        Assert.True(condition());
    }
}
