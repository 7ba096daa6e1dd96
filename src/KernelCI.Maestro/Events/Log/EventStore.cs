using System.Data.Common;
using System.Text.Json.Nodes;
using KernelCI.Data;

namespace KernelCI.Maestro.Events.Log;

/// <summary>The durable, sequenced event log that every subscription reads as a cursor.</summary>
internal sealed class EventStore(Database database, TimeProvider time, RecentEvents recent)
{
    public const string NotifyChannel = "maestro_events";

    private readonly EventAppender _appender = EventAppender.For(database.Kind);

    public Database Database => database;

    /// <summary>Renders an event for <see cref="AppendAsync(DbConnection, DbTransaction, EventRow, CancellationToken)"/> or
    /// <see cref="AppendManyAsync"/>; pure CPU work, so callers do it before taking any database lock.</summary>
    public EventRow Row(string channel, string? owner, JsonNode data, string? type = null, string? source = null, JsonObject? attributes = null)
    {
        var timestamp = NodeTime.Render(time.GetUtcNow());
        // The envelope keeps the data as written: JSONB would reorder its keys, and upstream's payload has a fixed order.
        // The data is rendered once and spliced in as the envelope's last member, instead of cloned into it.
        var json = data.ToJsonString();
        var envelope = CloudEvents.Envelope(type, source, timestamp, attributes);
        envelope.Remove("data");
        var head = envelope.ToJsonString();
        return new EventRow(channel, owner, timestamp, json, string.Concat(head.AsSpan(0, head.Length - 1), ",\"data\":", json, "}"));
    }

    /// <summary>Appends an event in the caller's transaction; returns its row id (its position on SQLite).</summary>
    public Task<long> AppendAsync(DbConnection connection, DbTransaction transaction, string channel, string? owner, JsonNode data,
        string? type = null, string? source = null, JsonObject? attributes = null, CancellationToken cancellationToken = default) =>
        AppendAsync(connection, transaction, Row(channel, owner, data, type, source, attributes), cancellationToken);

    public Task<long> AppendAsync(DbConnection connection, DbTransaction transaction, EventRow row, CancellationToken cancellationToken) =>
        _appender.AppendAsync(connection, transaction, row, cancellationToken);

    /// <summary>Runs <paramref name="before"/>, then appends <paramref name="rows"/> in the caller's transaction, in
    /// list order, as <see cref="AppendAsync(DbConnection, DbTransaction, EventRow, CancellationToken)"/> does for one
    /// (on PostgreSQL in one round trip with <paramref name="before"/>).</summary>
    public Task AppendManyAsync(DbConnection connection, DbTransaction transaction, SqlText before, IReadOnlyList<EventRow> rows,
        CancellationToken cancellationToken) => _appender.AppendManyAsync(connection, transaction, before, rows, cancellationToken);

    public async Task<long> LastSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var command = Sql.Command(connection, null, "SELECT COALESCE(MAX(pos), 0) FROM maestro_events");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Events after <paramref name="after"/> on a channel, oldest first; without promiscuous mode only the
    /// user's own events and events with no owner.</summary>
    public async Task<List<StoredEvent>> ReadAsync(string channel, long after, string? user, bool promiscuous, int max, CancellationToken cancellationToken)
    {
        var ownerClause = promiscuous ? "" : " AND (owner IS NULL OR owner = @user)";
        var sql = "SELECT pos, channel, owner, timestamp, data, cloud_event FROM maestro_events WHERE channel = @channel AND pos > @after"
            + ownerClause + " ORDER BY pos LIMIT @max";
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var command = Sql.Command(connection, null, sql, ("channel", channel), ("after", after), ("user", user ?? ""), ("max", (long)max));
        return await ReadRowsAsync(command, cancellationToken);
    }

    /// <summary>The events at <paramref name="positions"/>, from memory where they are, the rest in one query.</summary>
    public async Task<Dictionary<long, StoredEvent>> GetManyAsync(DbConnection connection, DbTransaction transaction, IEnumerable<long> positions,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<long, StoredEvent>();
        var missing = new List<long>();
        foreach (var position in positions.Distinct())
        {
            if (recent.TryGet(position, out var cached))
            {
                found[position] = cached;
            }
            else
            {
                missing.Add(position);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        await using var command = Sql.Command(connection, transaction,
            $"SELECT pos, channel, owner, timestamp, data, cloud_event FROM maestro_events WHERE pos IN ({string.Join(", ", missing.Select((_, i) => $"@p{i}"))})",
            missing.Select((p, i) => new KeyValuePair<string, object?>($"p{i}", p)));
        foreach (var stored in await ReadRowsAsync(command, cancellationToken))
        {
            recent.Add(stored);
            found[stored.Sequence] = stored;
        }

        return found;
    }

    public static async Task<List<StoredEvent>> ReadRowsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StoredEvent(reader.GetInt64(0), reader.GetString(1), reader.NullableString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }

        return events;
    }
}
