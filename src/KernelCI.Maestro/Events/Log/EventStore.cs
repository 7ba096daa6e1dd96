using System.Data.Common;
using System.Text.Json.Nodes;
using KernelCI.Data;

namespace KernelCI.Maestro.Events.Log;

/// <summary>The durable, sequenced event log that every subscription reads as a cursor.</summary>
internal sealed class EventStore(Database database, TimeProvider time, RecentEvents recent)
{
    public const string NotifyChannel = "maestro_events";

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

    public async Task<long> AppendAsync(DbConnection connection, DbTransaction transaction, EventRow row, CancellationToken cancellationToken)
    {
        var pg = database.Kind == DatabaseKind.PostgreSql;
        // On PostgreSQL the delivery position is given after commit by the EventSequencer, in commit order, and only it
        // NOTIFYs: a NOTIFY in every writer would serialise their commits on PostgreSQL's notify lock. SQLite has one
        // writer at a time, so the next position is known here.
        var sql = pg
            ? "INSERT INTO maestro_events (pos, channel, owner, timestamp, data, cloud_event) VALUES (NULL, @channel, @owner, @timestamp, CAST(@data AS jsonb), @envelope) RETURNING seq"
            : "INSERT INTO maestro_events (pos, channel, owner, timestamp, data, cloud_event) VALUES ((SELECT COALESCE(MAX(pos), 0) + 1 FROM maestro_events), @channel, @owner, @timestamp, @data, @envelope) RETURNING pos";
        await using var command = Sql.Command(connection, transaction, sql,
            ("channel", row.Channel), ("owner", row.Owner), ("timestamp", row.Timestamp), ("data", row.Data), ("envelope", row.Envelope));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs <paramref name="before"/>, then appends <paramref name="rows"/> in the caller's transaction, in
    /// list order, as <see cref="AppendAsync(DbConnection, DbTransaction, EventRow, CancellationToken)"/> does for one:
    /// on PostgreSQL without a position (the EventSequencer gives it after commit) and all in one round trip; on SQLite
    /// with positions from the current maximum (transactions here are BEGIN IMMEDIATE: one writer at a time).</summary>
    public async Task AppendManyAsync(DbConnection connection, DbTransaction transaction, SqlText before, IReadOnlyList<EventRow> rows,
        CancellationToken cancellationToken)
    {
        var pg = database.Kind == DatabaseKind.PostgreSql;
        var last = 0L;
        if (!pg)
        {
            await ExecuteAsync(connection, transaction, before, cancellationToken);
            before = new SqlText();
            await using var max = Sql.Command(connection, transaction, "SELECT COALESCE(MAX(pos), 0) FROM maestro_events");
            last = Convert.ToInt64(await max.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        before.Text.Append("INSERT INTO maestro_events (pos, channel, owner, timestamp, data, cloud_event) VALUES ");
        for (var i = 0; i < rows.Count; i++)
        {
            before.Text.Append(i == 0 ? "" : ", ").Append(pg ? "(NULL" : $"(@p{i}").Append($", @c{i}, @o{i}, @t{i}, ")
                .Append(pg ? $"CAST(@d{i} AS jsonb)" : $"@d{i}").Append($", @e{i})");
            if (!pg)
            {
                before.Add($"p{i}", last + i + 1);
            }

            before.Add($"c{i}", rows[i].Channel).Add($"o{i}", rows[i].Owner).Add($"t{i}", rows[i].Timestamp).Add($"d{i}", rows[i].Data).Add($"e{i}", rows[i].Envelope);
        }

        await ExecuteAsync(connection, transaction, before, cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, SqlText sql, CancellationToken cancellationToken)
    {
        if (sql.Text.Length > 0)
        {
            await using var command = Sql.Command(connection, transaction, sql.Text.ToString(), sql.Parameters);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
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
