using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using KernelCI.Maestro.Events.Delivery;
using KernelCI.Maestro.Events.Subscriptions;
using KernelCI.Maestro.Nodes;

namespace KernelCI.Maestro;

/// <summary>Maestro's metrics (Meter "KernelCI.Maestro", Prometheus names; docs/maestro.md "Metrics"). Counters are
/// added to after a write commits, once per write, so the create path pays one <see cref="Counter{T}.Add(T)"/> per
/// group; the gauges are read when a scraper asks. The <see cref="SubscriptionReaper"/>, a hosted service, depends on
/// it, so the meter exists from the start.</summary>
internal sealed class MaestroMetrics
{
    public const string MeterName = "KernelCI.Maestro";

    public const int MaxChannels = 100;

    private readonly ConcurrentDictionary<string, byte> _channels = new(StringComparer.Ordinal);
    private readonly Counter<long> _created;
    private readonly Counter<long> _updated;
    private readonly Counter<long> _events;
    private long _subscriptions;

    public MaestroMetrics(IMeterFactory meterFactory, ListenerCount listeners)
    {
        var meter = meterFactory.Create(MeterName);
        _created = meter.CreateCounter<long>("maestro_nodes_created_total", description: "Nodes created (POST /node and new children of PUT /nodes/{id})");
        _updated = meter.CreateCounter<long>("maestro_nodes_updated_total", description: "Nodes updated (PUT, PATCH, PUT /nodes/{id}, PUT /batch/nodeset)");
        _events = meter.CreateCounter<long>("maestro_events_total", description: "Events appended to the log, by channel");
        meter.CreateObservableGauge("maestro_listeners", () => listeners.Waiting, description: "Long polls (/listen) waiting for an event");
        meter.CreateObservableGauge("maestro_subscriptions", () => Interlocked.Read(ref _subscriptions), description: "Subscriptions in the database, as of the last reaper pass (each minute)");
    }

    /// <summary>From the <see cref="SubscriptionReaper"/>, which counts them at start and after each pass.</summary>
    public void SubscriptionsCounted(long count) => Interlocked.Exchange(ref _subscriptions, count);

    public void NodesCreated(int count)
    {
        if (count > 0)
        {
            _created.Add(count);
        }
    }

    public void NodesUpdated(int count)
    {
        if (count > 0)
        {
            _updated.Add(count);
        }
    }

    /// <summary>Channels are named by clients (`/publish/{channel}`), so only the first <see cref="MaxChannels"/> get
    /// series of their own; the rest are counted as `other`.</summary>
    public void EventsAppended(string channel, int count)
    {
        if (count > 0)
        {
            _events.Add(count, new KeyValuePair<string, object?>("channel", channel == NodeEvents.Channel ? channel : Bounded(channel)));
        }
    }

    private string Bounded(string channel) =>
        _channels.ContainsKey(channel) || (_channels.Count < MaxChannels && _channels.TryAdd(channel, 0)) ? channel : "other";
}
