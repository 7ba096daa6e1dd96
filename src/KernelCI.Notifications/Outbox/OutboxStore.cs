using System.Data.Common;
using KernelCI.Data;

namespace KernelCI.Notifications.Outbox;

/// <summary>The sender's and the API's side of the outbox: due mails, their marks, listings.</summary>
internal sealed class OutboxStore(Database database, TimeProvider time)
{
    public const string FeedCursor = "kcidb-regressions";

    /// <summary>Runs <paramref name="work"/> in one transaction with an outbox writer on it, and commits.</summary>
    public async Task<T> InTransactionAsync<T>(Func<OutboxWriter, DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(new OutboxWriter(connection, transaction, time), connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public Task<long> CursorAsync(CancellationToken cancellationToken) =>
        InTransactionAsync((writer, _, _) => writer.CursorAsync(FeedCursor, cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<DueMail>> DueAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, kind, recipient, message_id, message, attempts FROM notification_outbox
            WHERE state = 'pending' AND due_at <= @now ORDER BY due_at, id LIMIT @limit
            """;
        command.AddParameter("now", Millis.Of(time.GetUtcNow()));
        command.AddParameter("limit", limit);
        var due = new List<DueMail>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new DueMail(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5)));
        }

        return due;
    }

    /// <summary>When the next pending mail is due, or null when none is pending.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(due_at) FROM notification_outbox WHERE state = 'pending'";
        return Millis.From(await command.ExecuteScalarAsync(cancellationToken) ?? DBNull.Value);
    }

    public Task MarkSentAsync(long id, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE notification_outbox SET state = 'sent', sent_at = @now, attempts = attempts + 1, last_error = NULL WHERE id = @id",
            id, time.GetUtcNow(), null, cancellationToken);

    public Task DeferAsync(long id, DateTimeOffset due, string error, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE notification_outbox SET attempts = attempts + 1, due_at = @now, last_error = @error WHERE id = @id",
            id, due, error, cancellationToken);

    public Task MarkFailedAsync(long id, string error, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE notification_outbox SET state = 'failed', attempts = attempts + 1, last_error = @error WHERE id = @id",
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
