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

    /// <summary>Renders an event for <see cref="AppendAsync(DbConnection, DbTransaction, EventRow, CancellationToken)"/> or
    /// <see cref="AppendPositionedAsync"/>; pure CPU work, so callers do it before taking any database lock.</summary>
    public EventRow Row(string channel, string? owner, JsonNode data, string? type = null, string? source = null, JsonObject? attributes = null)
    {
        var timestamp = NodeTime.Render(time.GetUtcNow());
        // The envelope keeps the data as written: JSONB would reorder its keys, and upstream's payload has a fixed order.
        var envelopeObject = CloudEvents.Envelope(type, source, timestamp, attributes);
        envelopeObject["data"] = data.DeepClone();
        return new EventRow(channel, owner, timestamp, data.ToJsonString(), envelopeObject.ToJsonString());
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

    /// <summary>Runs <paramref name="before"/>, then appends <paramref name="rows"/> in the caller's transaction and
    /// gives them their delivery positions now, in list order. The caller must commit soon: until then no other writer
    /// can give positions (on PostgreSQL this takes the sequencer's advisory lock, held to the commit, and queues a
    /// NOTIFY that the commit sends; SQLite transactions here are BEGIN IMMEDIATE, so there is one writer anyway).
    /// Positions thus increase in commit order, and readers never pass a position whose event is still uncommitted.
    /// On PostgreSQL all of it is one round trip.</summary>
    public async Task AppendPositionedAsync(DbConnection connection, DbTransaction transaction, SqlText before, IReadOnlyList<EventRow> rows,
        CancellationToken cancellationToken)
    {
        if (database.Kind == DatabaseKind.PostgreSql)
        {
            before.Text.Append($"SELECT pg_advisory_xact_lock({EventSequencer.LockKey});\nSELECT pg_notify('{NotifyChannel}', '');\n");
            // The INSERT's snapshot is taken after the lock is held, so MAX(pos) sees every position given before.
            InsertPositioned(before, rows);
            await ExecuteAsync(connection, transaction, before, cancellationToken);
            return;
        }

        await ExecuteAsync(connection, transaction, before, cancellationToken);
        await using var max = Sql.Command(connection, transaction, "SELECT COALESCE(MAX(pos), 0) FROM maestro_events");
        var last = Convert.ToInt64(await max.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        var insert = new SqlText();
        insert.Text.Append("INSERT INTO maestro_events (pos, channel, owner, timestamp, data, cloud_event) VALUES ");
        for (var i = 0; i < rows.Count; i++)
        {
            insert.Text.Append(i == 0 ? "" : ", ").Append($"(@p{i}, @c{i}, @o{i}, @t{i}, @d{i}, @e{i})");
            insert.Add($"p{i}", last + i + 1);
            AddRow(insert, rows[i], i);
        }

        await ExecuteAsync(connection, transaction, insert, cancellationToken);
    }

    // PostgreSQL: positions from MAX(pos) read inside the statement, so no round trip is needed to learn it.
    private static void InsertPositioned(SqlText sql, IReadOnlyList<EventRow> rows)
    {
        sql.Text.Append("INSERT INTO maestro_events (pos, channel, owner, timestamp, data, cloud_event) ")
            .Append("SELECT last.pos + v.n, v.channel, v.owner, v.timestamp, CAST(v.data AS jsonb), v.envelope FROM (VALUES ");
        for (var i = 0; i < rows.Count; i++)
        {
            sql.Text.Append(i == 0 ? "" : ", ").Append($"({i + 1}, @c{i}, @o{i}, @t{i}, @d{i}, @e{i})");
            AddRow(sql, rows[i], i);
        }

        sql.Text.Append(") AS v(n, channel, owner, timestamp, data, envelope), (SELECT COALESCE(MAX(pos), 0) AS pos FROM maestro_events) AS last ORDER BY v.n;\n");
    }

    private static void AddRow(SqlText sql, EventRow row, int i) =>
        sql.Add($"c{i}", row.Channel).Add($"o{i}", row.Owner).Add($"t{i}", row.Timestamp).Add($"d{i}", row.Data).Add($"e{i}", row.Envelope);

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
