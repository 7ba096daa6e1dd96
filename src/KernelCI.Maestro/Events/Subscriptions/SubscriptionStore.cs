using System.Data.Common;
using KernelCI.Data;
using KernelCI.Maestro.Events.Delivery;
using KernelCI.Maestro.Users;

namespace KernelCI.Maestro.Events.Subscriptions;

/// <summary>Subscriptions live in the database, so every replica serves the same cursors and none is lost on restart.</summary>
internal sealed class SubscriptionStore(Database database, TimeProvider time)
{
    private const string Columns = "id, subscriber_id, channel, username, promiscuous, acked, delivered, created, last_poll, user_id";

    private readonly SqlDialect _sql = SqlDialect.For(database.Kind);

    /// <summary>A new subscription, or with a <paramref name="subscriberId"/> the caller already uses, the caller's
    /// existing one, moved back to its last acknowledged event: whatever was handed out after it may never have
    /// reached the subscriber, which is why it subscribes again. Subscriber ids are per user (another user's same id
    /// is another subscription), and concurrent subscribes with one id all get the same subscription (the unique key
    /// on (user_id, subscriber_id) decides which insert creates it).</summary>
    public async Task<Subscription> SubscribeAsync(string channel, MaestroUser user, bool promiscuous, string? subscriberId, long start, CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        // An unsubscribe may delete the row between the insert and the update; then the insert is tried again.
        for (var attempt = 0; ; attempt++)
        {
            var conflict = subscriberId is null ? "" : " ON CONFLICT (user_id, subscriber_id) DO NOTHING";
            await using (var insert = Sql.Command(connection, null,
                $"INSERT INTO maestro_subscriptions (subscriber_id, channel, username, user_id, promiscuous, acked, delivered, created) VALUES (@sid, @channel, @user, @uid, @promisc, @start, @start, @created){conflict} RETURNING {Columns}",
                ("sid", subscriberId), ("channel", channel), ("user", user.Username), ("uid", user.Id), ("promisc", promiscuous), ("start", start),
                ("created", NodeTime.Render(time.GetUtcNow()))))
            {
                if (await ReadOneAsync(insert, cancellationToken) is { } created)
                {
                    return created;
                }
            }

            await using var find = Sql.Command(connection, null, $"SELECT {Columns} FROM maestro_subscriptions WHERE user_id = @uid AND subscriber_id = @sid",
                ("uid", user.Id), ("sid", subscriberId));
            if (await ReadOneAsync(find, cancellationToken) is not { } existing)
            {
                if (attempt < 3)
                {
                    continue;
                }

                throw new MaestroException(409, $"subscriber_id '{subscriberId}' is being unsubscribed; subscribe again");
            }

            await using var update = Sql.Command(connection, null,
                $"UPDATE maestro_subscriptions SET channel = @channel, promiscuous = @promisc, delivered = acked WHERE id = @id RETURNING {Columns}",
                ("channel", channel), ("promisc", promiscuous), ("id", existing.Id));
            if (await ReadOneAsync(update, cancellationToken) is { } resumed)
            {
                return resumed;
            }
        }
    }

    public async Task<Subscription?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var command = Sql.Command(connection, null, $"SELECT {Columns} FROM maestro_subscriptions WHERE id = @id", ("id", id));
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<List<Subscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var command = Sql.Command(connection, null, $"SELECT {Columns} FROM maestro_subscriptions ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<Subscription>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    /// <summary>The acknowledgement of a batch poll: with <paramref name="ack"/> (see <see cref="CursorRequest"/>)
    /// the events up to it, otherwise (upstream's implicit acknowledgement) everything handed out last time. Returns
    /// the position to read after.</summary>
    public async Task<long> AcknowledgeAsync(long id, long? ack, CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var command = Sql.Command(connection, null,
            $"UPDATE maestro_subscriptions SET acked = {Acknowledged("CAST(@ack AS BIGINT)")}, last_poll = @now WHERE id = @id RETURNING acked",
            ("ack", ack), ("now", NodeTime.Render(time.GetUtcNow())), ("id", id));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    // The new acked of a poll whose explicit acknowledgement is the SQL expression `ack` (NULL when it sent none):
    // without one, everything handed out (upstream); with one, what it names, but never back before what was already
    // acknowledged nor past what was handed out.
    private string Acknowledged(string ack) => $"CASE WHEN {ack} IS NULL THEN delivered ELSE {_sql.Greatest("acked", _sql.Least(ack, "delivered"))} END";

    /// <summary>The long poll's step, for many subscriptions in one statement (the polls of a replica woken by the
    /// same events): acknowledge what was handed out last, and hand out the next event after it, if any; delivered &gt;
    /// acked in the result means the event at position delivered is to be sent. A subscription is advanced only for an
    /// active user whose token version is current and who owns it (or is an admin), so a poll costs no separate lookup
    /// of its user; refused polls and unknown ids are missing from the result. Also returns the last position in the
    /// log, which tells whether a cursor has anything more. On PostgreSQL rows are locked in id order first, so that
    /// two replicas advancing overlapping sets cannot deadlock, and the commit does not wait for the disk: a cursor
    /// lost in a crash only means one event is sent again.</summary>
    public async Task<(Dictionary<long, AdvancedCursor> Cursors, long LastPosition)> AdvanceManyAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<CursorRequest> requests, CancellationToken cancellationToken)
    {
        var sql = new SqlText();
        var ids = string.Join(", ", requests.Select((_, i) => $"@i{i}"));
        sql.Text.Append(_sql.BeforeCursorAdvance(ids, requests.Count));

        // Every SET expression reads the row as it was, so `acked` is spelled out again where delivered starts from it.
        var acked = Acknowledged("w.sack");
        sql.Text.Append("WITH w(sid, suser, sver, sack) AS (VALUES ")
            .AppendJoin(", ", requests.Select((_, i) => $"(@i{i}, @u{i}, @v{i}, CAST(@a{i} AS BIGINT))"))
            .Append($"""
                )
                UPDATE maestro_subscriptions SET acked = {acked}, last_poll = @now,
                  delivered = COALESCE((SELECT e.pos FROM maestro_events e WHERE e.channel = maestro_subscriptions.channel
                    AND e.pos > {acked}
                    AND (maestro_subscriptions.promiscuous OR e.owner IS NULL OR e.owner = maestro_subscriptions.username)
                    ORDER BY e.pos LIMIT 1), {acked})
                FROM w, maestro_users u
                WHERE maestro_subscriptions.id = w.sid AND u.id = w.suser AND u.token_version = w.sver AND u.is_active
                  AND (u.is_superuser OR maestro_subscriptions.user_id = u.id)
                RETURNING maestro_subscriptions.id, channel, acked, delivered;
                SELECT COALESCE(MAX(pos), 0) FROM maestro_events;
                """);
        for (var i = 0; i < requests.Count; i++)
        {
            sql.Add($"i{i}", requests[i].Id).Add($"u{i}", requests[i].UserId).Add($"v{i}", requests[i].TokenVersion).Add($"a{i}", requests[i].Ack);
        }

        sql.Add("now", NodeTime.Render(time.GetUtcNow()));
        await using var command = Sql.Command(connection, transaction, sql.Text.ToString(), sql.Parameters);
        var cursors = new Dictionary<long, AdvancedCursor>(requests.Count);
        var last = 0L;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            var updated = false;
            do
            {
                // One column before the UPDATE's four is the lock; one column after it is the last position.
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (reader.FieldCount == 4)
                    {
                        var cursor = new AdvancedCursor(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3));
                        cursors[cursor.Id] = cursor;
                    }
                    else if (updated)
                    {
                        last = Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                updated |= reader.FieldCount == 4;
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        return (cursors, last);
    }

    public async Task MarkDeliveredAsync(long id, long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var command = Sql.Command(connection, null,
            "UPDATE maestro_subscriptions SET delivered = @seq WHERE id = @id AND delivered < @seq", ("seq", sequence), ("id", id));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        await using var command = Sql.Command(connection, null, "DELETE FROM maestro_subscriptions WHERE id = @id", ("id", id));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static async Task<Subscription?> ReadOneAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static Subscription Read(DbDataReader r) => new(
        r.GetInt64(0), r.NullableString(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), r.GetInt64(5), r.GetInt64(6), r.GetString(7), r.NullableString(8), r.NullableString(9));
}
