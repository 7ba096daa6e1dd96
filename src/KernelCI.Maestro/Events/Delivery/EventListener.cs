using System.Text.Json.Nodes;
using KernelCI.Maestro.Events.Log;
using KernelCI.Maestro.Events.Subscriptions;
using KernelCI.Maestro.Events.WakeUps;

namespace KernelCI.Maestro.Events.Delivery;

/// <summary>Long-poll delivery: acknowledge the previous event, hand out the next one after the cursor, or wait for a
/// wake-up until the keep-alive is due. Cursors are advanced through the <see cref="CursorAdvancer"/>, so the
/// listeners one event wakes share a statement.</summary>
internal sealed class EventListener(EventStore events, SubscriptionStore subscriptions, CursorAdvancer advancer, QuietCursors quiet, EventSignal signal,
    ListenerCount listeners, MaestroOptions options, TimeProvider time)
{
    /// <summary>The JSON reply with the requested subscription's next message; null when it does not exist or is not
    /// the requesting user's (the caller tells which).</summary>
    public async Task<string?> ListenAsync(CursorRequest request, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.KeepAlive;
        while (true)
        {
            var wakeUp = signal.Next;
            if (await advancer.AdvanceAsync(request, cancellationToken) is not { } delivery)
            {
                return null;
            }

            if (delivery.Reply is { } reply)
            {
                return reply;
            }

            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return Beep(delivery.Channel);
            }

            listeners.Enter();
            try
            {
                await wakeUp.WaitAsync(remaining, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                return Beep(delivery.Channel);
            }
            finally
            {
                listeners.Leave();
            }
        }
    }

    /// <summary>Catch-up: up to <paramref name="max"/> events at once (our extension), acknowledged like single ones.</summary>
    public async Task<string> ListenBatchAsync(Subscription subscription, CursorRequest request, int max, CancellationToken cancellationToken)
    {
        // A cursor known to be at the end of the log has nothing to read: wait as a single long poll does, without
        // acknowledging and reading first (the next statement for it acknowledges).
        var batch = quiet.Channel(request) is null
            ? await events.ReadAsync(subscription.Channel, await subscriptions.AcknowledgeAsync(subscription.Id, request.Ack, cancellationToken),
                subscription.User, subscription.Promiscuous, max, cancellationToken)
            : [];
        if (batch.Count == 0)
        {
            var single = await ListenAsync(request, cancellationToken)
                ?? throw MaestroException.NotFound($"Subscription id not found: {subscription.Id}");
            return $"[{single}]";
        }

        await subscriptions.MarkDeliveredAsync(subscription.Id, batch[^1].Sequence, cancellationToken);
        return new JsonArray(batch.Select(e => (JsonNode)ListenReply.Node(subscription.Channel, CloudEvents.Render(e))).ToArray()).ToJsonString();
    }

    private string Beep(string channel) => ListenReply.Message(channel, CloudEvents.Beep(NodeTime.Render(time.GetUtcNow())));
}
