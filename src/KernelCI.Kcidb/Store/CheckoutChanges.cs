using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using KernelCI.Data;

namespace KernelCI.Kcidb.Store;

/// <summary>
/// Which checkouts each committed ingestion batch touched: those whose builds or tests changed the dashboard's
/// aggregates (<c>kcidb_agg_cs</c>, docs/dashboard-api.md "Aggregates"), for readers that follow results live (the web
/// dashboard's live results, docs/dashboard.md "Live results"). In this process it is a broadcast per database, keyed
/// by its connection string since the dashboard and KCIDB each open their own <see cref="Database"/> for one deployment.
/// On PostgreSQL the ingesting transaction also sends <c>NOTIFY kcidb_checkouts</c> (delivered at its commit), so other
/// processes' LISTENers hear it; each payload names the broadcast it went through (<see cref="SourceId"/>), so a listener
/// subscribed to that same broadcast skips what it heard in process already.
/// </summary>
public sealed class CheckoutChanges
{
    public const string NotifyChannel = "kcidb_checkouts";

    // PostgreSQL refuses payloads of 8000 bytes or more; a batch touching more checkouts sends several.
    private const int MaxPayloadBytes = 7000;

    private static readonly ConcurrentDictionary<string, CheckoutChanges> ByDatabase = new(StringComparer.Ordinal);

    private ImmutableArray<Action<IReadOnlyCollection<string>>> _handlers = [];

    /// <summary>This broadcast's name in the NOTIFY payloads.</summary>
    public string SourceId { get; } = Guid.NewGuid().ToString("N");

    public static CheckoutChanges For(Database database) => ByDatabase.GetOrAdd(database.ConnectionString, _ => new CheckoutChanges());

    /// <summary>Calls <paramref name="handler"/> with the checkout ids of each batch committed in this process, on the
    /// ingesting thread: it must return at once. Disposing the result unsubscribes.</summary>
    public IDisposable Subscribe(Action<IReadOnlyCollection<string>> handler)
    {
        ImmutableInterlocked.Update(ref _handlers, h => h.Add(handler));
        return new Subscription(this, handler);
    }

    /// <summary>A NOTIFY payload: who sent it and which checkouts; null when it is not one of ours.</summary>
    public static (string Source, IReadOnlyList<string> CheckoutIds)? ReadPayload(string payload)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<Payload>(payload, JsonSerializerOptions.Web);
            return parsed is { S: { } source, C: { } ids } ? (source, ids) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal void Publish(IReadOnlyCollection<string> checkoutIds)
    {
        if (checkoutIds.Count == 0)
        {
            return;
        }

        foreach (var handler in _handlers)
        {
            handler(checkoutIds);
        }
    }

    /// <summary>The NOTIFY payloads for these checkouts, each under PostgreSQL's limit (an id too long for one is left out).</summary>
    internal IEnumerable<string> Payloads(IEnumerable<string> checkoutIds)
    {
        var chunk = new List<string>();
        var size = 0;
        foreach (var id in checkoutIds)
        {
            var bytes = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(id)) + 1;
            if (bytes > MaxPayloadBytes - 100)
            {
                continue;
            }

            if (size + bytes > MaxPayloadBytes - 100)
            {
                yield return Write(chunk);
                chunk.Clear();
                size = 0;
            }

            chunk.Add(id);
            size += bytes;
        }

        if (chunk.Count > 0)
        {
            yield return Write(chunk);
        }
    }

    private string Write(List<string> ids) => JsonSerializer.Serialize(new Payload(SourceId, ids), JsonSerializerOptions.Web);

    private sealed record Payload(string? S, List<string>? C);

    private sealed class Subscription(CheckoutChanges changes, Action<IReadOnlyCollection<string>> handler) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref changes._handlers, h => h.Remove(handler));
    }
}
