using System.Data.Common;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Maestro.Nodes;

namespace KernelCI.Maestro.Events;

/// <summary>The durable, sequenced event log that every subscription reads as a cursor.</summary>
internal sealed class EventStore(Database database, TimeProvider time, RecentEvents recent)
{
    public const string NotifyChannel = "maestro_events";

    public Database Database => database;

    /// <summary>Appends an event in the caller's transaction; returns its row id (its position on SQLite).</summary>
    public async Task<long> AppendAsync(DbConnection connection, DbTransaction transaction, string channel, string? owner, JsonNode data,
        string? type = null, string? source = null, JsonObject? attributes = null, CancellationToken cancellationToken = default)
    {
        var timestamp = NodeTime.Render(time.GetUtcNow());
        // The envelope keeps the data as written: JSONB would reorder its keys, and upstream's payload has a fixed order.
        var envelopeObject = CloudEvents.Envelope(type, source, timestamp, attributes);
        envelopeObject["data"] = data.DeepClone();
        var envelope = envelopeObject.ToJsonString();
        var pg = database.Kind == DatabaseKind.PostgreSql;
        // On PostgreSQL the delivery position is given after commit by the EventSequencer, in commit order, and only it
        // NOTIFYs: a NOTIFY in every writer would serialise their commits on PostgreSQL's notify lock. SQLite has one
        // writer at a time, so the next position is known here.
        var sql = pg
            ? "INSERT INTO maestro_events (pos, channel, owner, timestamp, data, cloud_event) VALUES (NULL, @channel, @owner, @timestamp, CAST(@data AS jsonb), @envelope) RETURNING seq"
            : "INSERT INTO maestro_events (pos, channel, owner, timestamp, data, cloud_event) VALUES ((SELECT COALESCE(MAX(pos), 0) + 1 FROM maestro_events), @channel, @owner, @timestamp, @data, @envelope) RETURNING pos";
        await using var command = Sql.Command(connection, transaction, sql,
            ("channel", channel), ("owner", owner), ("timestamp", timestamp), ("data", data.ToJsonString()), ("envelope", envelope));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

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

    public async Task<StoredEvent?> GetAsync(long position, CancellationToken cancellationToken)
    {
        if (recent.TryGet(position, out var cached))
        {
            return cached;
        }

        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var command = Sql.Command(connection, null,
            "SELECT pos, channel, owner, timestamp, data, cloud_event FROM maestro_events WHERE pos = @pos", ("pos", position));
        var stored = (await ReadRowsAsync(command, cancellationToken)).FirstOrDefault();
        if (stored is not null)
        {
            recent.Add(stored);
        }

        return stored;
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
