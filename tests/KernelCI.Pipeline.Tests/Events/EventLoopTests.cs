using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Events;
using KernelCI.Pipeline.Tests.Services.SendKcidb;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace KernelCI.Pipeline.Tests.Events;

public sealed class EventLoopTests
{
    [Fact]
    public async Task Event_whose_listen_reply_was_lost_is_handled_all_the_same()
    {
        // Given an event loop that reaches Maestro through a proxy losing the first reply that carries the event
        var ct = TestContext.Current.CancellationToken;
        await using var stack = await PipelineTestStack.StartAsync();
        await using var proxy = await FlakyProxy.StartAsync();
        var lost = 0;
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        proxy.Refuse = request =>
        {
            if (request.Path.Contains("/listen/", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }

            return null;
        };
        proxy.LoseReply = (request, body) => request.Path.Contains("/listen/", StringComparison.Ordinal)
            && body.Contains("lost-once", StringComparison.Ordinal) && Interlocked.Exchange(ref lost, 1) == 0;
        var maestro = new MaestroClient(new HttpClient { BaseAddress = new Uri(proxy.Front(stack.Options.MaestroUrl!)) }, stack.Options.MaestroToken);
        var loop = new EventLoop(maestro, stack.Options, new Retry(TimeProvider.System, NullLogger<Retry>.Instance),
            new PipelineMetrics(TestMeters.NewFactory()), NullLogger<EventLoop>.Instance);
        var handled = new ConcurrentQueue<string>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var running = loop.RunAsync("lost-reply", "lost-reply-test", promiscuous: true, (e, _) =>
        {
            handled.Enqueue(e.Data?.ToJsonString() ?? "");
            return Task.CompletedTask;
        }, stop.Token);

        // When an event is published once the loop has subscribed and listens
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        await stack.Maestro.PublishAsync("lost-reply-test", new JsonObject { ["marker"] = "lost-once" }, ct);

        // Then the retried poll hands it out again and the handler gets it
        var seen = await Eventually.UntilAsync(() => Task.FromResult(handled.Any(d => d.Contains("lost-once", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal(1, Volatile.Read(ref lost));
        Assert.True(seen);
    }

    [Fact]
    public async Task Each_event_is_counted_as_handled_or_failed_for_its_service()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stack = await PipelineTestStack.StartAsync();
        var meters = TestMeters.NewFactory();
        using var recorder = new MetricRecorder(meters, PipelineMetrics.MeterName);
        var loop = new EventLoop(stack.Maestro, stack.Options, new Retry(TimeProvider.System, NullLogger<Retry>.Instance),
            new PipelineMetrics(meters), NullLogger<EventLoop>.Instance);
        await stack.Maestro.SubscribeAsync("counted-test", $"{stack.Options.Instance}:counted", promiscuous: true, ct);
        await stack.Maestro.PublishAsync("counted-test", new JsonObject { ["marker"] = "good" }, ct);
        await stack.Maestro.PublishAsync("counted-test", new JsonObject { ["marker"] = "bad" }, ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var running = loop.RunAsync("counted", "counted-test", promiscuous: true, (e, _) =>
            e.Data?.ToJsonString().Contains("bad", StringComparison.Ordinal) == true
                ? throw new InvalidOperationException("a bad event") : Task.CompletedTask, stop.Token);
        await Eventually.UntilAsync(() => Task.FromResult(recorder.Value("pipeline_event_failures_total", ("service", "counted")) > 0),
            TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.Equal((1, 1), (recorder.Value("pipeline_events_handled_total", ("service", "counted")),
            recorder.Value("pipeline_event_failures_total", ("service", "counted"))));
    }
}
