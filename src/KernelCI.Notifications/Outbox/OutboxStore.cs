using System.Data.Common;
using KernelCI.Data;

namespace KernelCI.Notifications.Outbox;

/// <summary>The sender's and the API's side of the outbox: due mails, their marks, listings.</summary>
internal sealed class OutboxStore(Database database, TimeProvider time, TestKillHook? kill = null)
{
    public const string FeedCursor = "kcidb-regressions";

    private const string Release = "claimed_by = NULL, claimed_until = NULL WHERE id = @id AND claimed_by = @sender";

    /// <summary>Runs <paramref name="work"/> in one transaction with an outbox writer on it, and commits.</summary>
    public async Task<T> InTransactionAsync<T>(Func<OutboxWriter, DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var writer = new OutboxWriter(connection, transaction, time);
        var result = await work(writer, connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        if (writer.Inserted > 0)
        {
            kill?.At(TestKillHook.AfterOutbox);
        }

        return result;
    }

    public Task<long> CursorAsync(CancellationToken cancellationToken) =>
        InTransactionAsync((writer, _, _) => writer.CursorAsync(FeedCursor, cancellationToken), cancellationToken);

    /// <summary>This process's name in <c>claimed_by</c>: the host, the process and a random part, so two senders never
    /// share one even in one process (the tests run two).</summary>
    public string Sender { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Claims up to <paramref name="limit"/> due mails for this sender until now + <paramref name="lease"/>, in
    /// order: rows another sender holds are skipped; rows whose claim has run out (a sender that died) are taken over.</summary>
    public async Task<IReadOnlyList<DueMail>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // One statement claims and reads. PostgreSQL: SKIP LOCKED lets two senders claim at once, each getting other
        // rows. SQLite: an UPDATE takes the database's one write lock before it reads, so claims follow each other.
        var skipLocked = database.Kind == DatabaseKind.PostgreSql ? "FOR UPDATE SKIP LOCKED" : "";
        command.CommandText = $"""
            UPDATE notification_outbox SET claimed_by = @sender, claimed_until = @until
            WHERE id IN (SELECT id FROM notification_outbox
                         WHERE state = 'pending' AND due_at <= @now AND (claimed_until IS NULL OR claimed_until <= @now)
                         ORDER BY due_at, id LIMIT @limit {skipLocked})
            RETURNING id, kind, recipient, message_id, message, attempts, due_at, claimed_until
            """;
        command.AddParameter("sender", Sender);
        command.AddParameter("until", Millis.Of(now + lease));
        command.AddParameter("now", Millis.Of(now));
        command.AddParameter("limit", limit);
        var claimed = new List<(long DueAt, DueMail Mail)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add((reader.GetInt64(6), new DueMail(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetInt32(5), Millis.From(reader.GetInt64(7)))));
        }

        // RETURNING keeps no order.
        return [.. claimed.OrderBy(c => c.DueAt).ThenBy(c => c.Mail.Id).Select(c => c.Mail)];
    }

    /// <summary>When the next pending mail can be claimed (its due time, or the end of another sender's claim), or
    /// null when none is pending.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT MIN(CASE WHEN claimed_until > due_at THEN claimed_until ELSE due_at END)
            FROM notification_outbox WHERE state = 'pending'
            """;
        return Millis.From(await command.ExecuteScalarAsync(cancellationToken) ?? DBNull.Value);
    }

    // Each mark ends this sender's claim, and changes nothing if the row is another sender's by now (this one's claim
    // ran out and the other took it over): the other's outcome stands.
    public Task MarkSentAsync(long id, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE notification_outbox SET state = 'sent', sent_at = @now, attempts = attempts + 1, last_error = NULL, " + Release,
            id, time.GetUtcNow(), null, cancellationToken);

    public Task DeferAsync(long id, DateTimeOffset due, string error, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE notification_outbox SET attempts = attempts + 1, due_at = @now, last_error = @error, " + Release,
            id, due, error, cancellationToken);

    public Task MarkFailedAsync(long id, string error, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE notification_outbox SET state = 'failed', attempts = attempts + 1, last_error = @error, " + Release,
            id, null, error, cancellationToken);

    /// <summary>The newest mails first, in <paramref name="state"/> if given, and of <paramref name="recipient"/> if given.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(string? state, string? recipient, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, message_id, kind, recipient, tree, regression_id, subject, state, attempts, due_at, created_at, sent_at, last_error
            FROM notification_outbox
            WHERE (@state IS NULL OR state = @state) AND (@recipient IS NULL OR recipient = @recipient)
            ORDER BY id DESC LIMIT @limit
            """;
        command.AddParameter("state", state).DbType = System.Data.DbType.String;
        command.AddParameter("recipient", recipient).DbType = System.Data.DbType.String;
        command.AddParameter("limit", limit);
        var entries = new List<OutboxEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new OutboxEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetInt32(8),
                Millis.From(reader.GetInt64(9)), Millis.From(reader.GetInt64(10)), Millis.From(reader.GetValue(11)),
                reader.IsDBNull(12) ? null : reader.GetString(12)));
        }

        return entries;
    }

    // @now is the time the statement sets (sent_at or due_at), @error the server's reply.
    private async Task UpdateAsync(string sql, long id, DateTimeOffset? at, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("id", id);
        command.AddParameter("sender", Sender);
        if (at is not null)
        {
            command.AddParameter("now", Millis.Of(at.Value));
        }

        if (error is not null)
        {
            // A server's reply can be long; the API shows the start of it.
            command.AddParameter("error", error.Length > 1000 ? error[..1000] : error);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
