using System.Text.Json.Nodes;
using KernelCI.Maestro.Nodes;

namespace KernelCI.Maestro.Events;

/// <summary>Long-poll delivery: acknowledge the previous event, hand out the next one after the cursor, or wait for a
/// wake-up until the keep-alive is due.</summary>
internal sealed class EventListener(EventStore events, SubscriptionStore subscriptions, EventSignal signal, MaestroOptions options, TimeProvider time)
{
    public async Task<JsonObject> ListenAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.KeepAlive;
        while (true)
        {
            var wakeUp = signal.Next;
            var (acked, delivered) = await subscriptions.AdvanceAsync(subscription.Id, cancellationToken);
            if (delivered > acked && await events.GetAsync(delivered, cancellationToken) is { } next)
            {
                return Message(subscription.Channel, CloudEvents.Render(next));
            }

            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return Message(subscription.Channel, CloudEvents.Beep(NodeTime.Render(time.GetUtcNow())));
            }

            try
            {
                await wakeUp.WaitAsync(remaining, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                return Message(subscription.Channel, CloudEvents.Beep(NodeTime.Render(time.GetUtcNow())));
            }
        }
    }

    /// <summary>Catch-up: up to <paramref name="max"/> events at once (our extension), acknowledged like single ones.</summary>
    public async Task<JsonArray> ListenBatchAsync(Subscription subscription, int max, CancellationToken cancellationToken)
    {
        var acked = await subscriptions.AcknowledgeAsync(subscription.Id, cancellationToken);
        var batch = await events.ReadAsync(subscription.Channel, acked, subscription.User, subscription.Promiscuous, max, cancellationToken);
        if (batch.Count == 0)
        {
            return [await ListenAsync(subscription, cancellationToken)];
        }

        await subscriptions.MarkDeliveredAsync(subscription.Id, batch[^1].Sequence, cancellationToken);
        return new JsonArray(batch.Select(e => (JsonNode)Message(subscription.Channel, CloudEvents.Render(e))).ToArray());
    }

    private static JsonObject Message(string channel, string data) => new()
    {
        ["type"] = "message",
        ["pattern"] = null,
        ["channel"] = channel,
        ["data"] = data,
    };
}
