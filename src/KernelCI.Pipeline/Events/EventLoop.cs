using KernelCI.Client.Maestro;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Events;

/// <summary>Follows one channel through a durable subscription (subscriber id `instance:name`), so a service that
/// restarts or pauses resumes where it stopped, and hands each event to a handler. A handler's transient failures are
/// retried until they succeed; any other failure is logged and the loop moves on, so one bad node cannot block the
/// rest.</summary>
public sealed class EventLoop(MaestroClient maestro, PipelineOptions options, Retry retry, PipelineMetrics metrics, ILogger<EventLoop> logger)
{
    /// <param name="subscribed">Run once the subscription exists, before the first event is handled: a catch-up
    /// that must not miss what happens while it runs (retried like a handler).</param>
    public async Task RunAsync(string name, string channel, bool promiscuous, Func<MaestroEvent, CancellationToken, Task> handle,
        CancellationToken cancellationToken, Func<CancellationToken, Task>? subscribed = null)
    {
        var subscriberId = $"{options.Instance}:{name}";
        var subscription = await retry.RunAsync($"subscribe {subscriberId}",
            ct => maestro.SubscribeAsync(channel, subscriberId, promiscuous, ct), cancellationToken);
        if (subscribed is not null)
        {
            await retry.RunAsync($"{name} catch-up", subscribed, cancellationToken);
        }

        // Each poll acknowledges only the events handled so far (docs/maestro.md, `?ack=`), so a batch whose reply was
        // lost on the way is handed out again by the retried poll instead of being acknowledged unseen.
        long handled = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var ack = handled;
            var events = await retry.RunAsync($"listen {subscriberId}",
                ct => maestro.ListenBatchAsync(subscription.Id, 200, ack, ct), cancellationToken);
            foreach (var maestroEvent in events)
            {
                try
                {
                    await retry.RunAsync($"{name} event {maestroEvent.Sequence}", ct => handle(maestroEvent, ct), cancellationToken);
                    metrics.EventHandled(name);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    EventLoopLog.HandlerFailed(logger, name, maestroEvent.NodeId, e);
                    metrics.EventFailed(name);
                }
                handled = maestroEvent.Sequence ?? handled;
            }
        }
    }
}
