using System.Data.Common;
using System.Globalization;
using KernelCI.Data;

namespace KernelCI.Notifications.Outbox;

/// <summary>Writes mails inside the caller's transaction, the one that records the change causing them (the feed
/// cursor's advance, a new subscription): both commit or neither does.</summary>
internal sealed class OutboxWriter(DbConnection connection, DbTransaction transaction, TimeProvider time)
{
    /// <summary>Mails this writer added.</summary>
    public int Inserted { get; private set; }

    /// <summary>False when a mail with the same Message-ID is there already: the change was applied before.</summary>
    public async Task<bool> InsertAsync(OutboxMail mail, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            INSERT INTO notification_outbox (message_id, kind, recipient, tree, regression_id, subject, message, items, state, due_at, created_at)
            VALUES (@message_id, @kind, @recipient, @tree, @regression_id, @subject, @message, @items, 'pending', @due_at, @created_at)
            ON CONFLICT (message_id) DO NOTHING
            """);
        command.AddParameter("message_id", mail.MessageId);
        command.AddParameter("kind", mail.Kind);
        command.AddParameter("recipient", mail.Recipient);
        command.AddParameter("tree", mail.Tree);
        command.AddParameter("regression_id", mail.RegressionId);
        command.AddParameter("subject", mail.Subject);
        command.AddParameter("message", mail.Message);
        command.AddParameter("items", mail.Items);
        command.AddParameter("due_at", Millis.Of(mail.DueAt));
        command.AddParameter("created_at", Millis.Of(time.GetUtcNow()));
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }

        Inserted++;
        return true;
    }

    /// <summary>Regression reports (not follow-ups or summaries) written since <paramref name="since"/> to the address,
    /// or about the tree: what the per-recipient and per-tree limits count.</summary>
    public async Task<long> CountReportsAsync(string column, string value, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (column is not ("recipient" or "tree"))
        {
            throw new ArgumentOutOfRangeException(nameof(column));
        }

        await using var command = Command($"SELECT COUNT(*) FROM notification_outbox WHERE {column} = @value AND kind = 'regression' AND created_at >= @since");
        command.AddParameter("value", value);
        command.AddParameter("since", Millis.Of(since));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Records that the address is told about the regression, in its own report (<paramref name="messageId"/>)
    /// or in a summary (null); false when it was told before, whichever way.</summary>
    public async Task<bool> MarkToldAsync(string regressionId, string recipient, string? messageId, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            INSERT INTO notification_regression_recipients (regression_id, recipient, message_id) VALUES (@id, @recipient, @message_id)
            ON CONFLICT (regression_id, recipient) DO NOTHING
            """);
        command.AddParameter("id", regressionId);
        command.AddParameter("recipient", recipient);
        command.AddParameter("message_id", messageId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The addresses that got the regression's own report, with its Message-ID: the only ones its follow-ups
    /// go to (a follow-up to a summary would have no thread to join).</summary>
    public async Task<Dictionary<string, string>> ThreadsAsync(string regressionId, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT recipient, message_id FROM notification_regression_recipients WHERE regression_id = @id AND message_id IS NOT NULL");
        command.AddParameter("id", regressionId);
        var threads = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            threads[reader.GetString(0)] = reader.GetString(1);
        }

        return threads;
    }

    /// <summary>The address's summary still waiting to be sent, if any: its id and items.</summary>
    public async Task<(long Id, string MessageId, string Items)?> PendingSummaryAsync(string recipient, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            SELECT id, message_id, items FROM notification_outbox
            WHERE recipient = @recipient AND kind = 'summary' AND state = 'pending' AND attempts = 0
            ORDER BY id DESC LIMIT 1
            """);
        command.AddParameter("recipient", recipient);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    /// <summary>Rewrites a summary not yet tried with one more item (its Message-ID stays).</summary>
    public async Task UpdateSummaryAsync(long id, string subject, string message, string items, CancellationToken cancellationToken)
    {
        await using var command = Command("UPDATE notification_outbox SET subject = @subject, message = @message, items = @items WHERE id = @id AND attempts = 0");
        command.AddParameter("subject", subject);
        command.AddParameter("message", message);
        command.AddParameter("items", items);
        command.AddParameter("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> CursorAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT position FROM notification_cursors WHERE name = @name");
        command.AddParameter("name", name);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public async Task SaveCursorAsync(string name, long position, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            INSERT INTO notification_cursors (name, position) VALUES (@name, @position)
            ON CONFLICT (name) DO UPDATE SET position = excluded.position
            """);
        command.AddParameter("name", name);
        command.AddParameter("position", position);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal DbCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
