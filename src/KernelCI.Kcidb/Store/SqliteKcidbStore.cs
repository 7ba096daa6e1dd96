using System.Text.Json;
using KernelCI.Data;
using Microsoft.Data.Sqlite;

namespace KernelCI.Kcidb.Store;

/// <summary>SQLite: one prepared upsert per table, rebound for every row.</summary>
internal sealed class SqliteKcidbStore(Database database, TimeProvider timeProvider) : IKcidbStore
{
    public async Task IngestAsync(IReadOnlyList<AcceptedSubmission> submissions, CancellationToken cancellationToken)
    {
        var batch = IngestBatch.From(submissions);
        var now = KcidbTimestamp.Format(timeProvider.GetUtcNow().UtcDateTime);
        await using var connection = (SqliteConnection)await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var rows in batch.Tables)
        {
            Upsert(connection, transaction, rows, now);
        }

        await using (var record = connection.CreateCommand())
        {
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO kcidb_submissions (id, ingested_at) VALUES (@id, @now) ON CONFLICT (id) DO NOTHING";
            var id = record.Parameters.Add("@id", SqliteType.Text);
            record.Parameters.AddWithValue("@now", now);
            foreach (var submissionId in batch.SubmissionIds)
            {
                id.Value = submissionId;
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlySet<string>> FindIngestedAsync(IReadOnlyCollection<string> submissionIds, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (submissionIds.Count == 0)
        {
            return found;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM kcidb_submissions WHERE id IN (SELECT value FROM json_each(@ids))";
        command.AddParameter("ids", JsonSerializer.Serialize(submissionIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    // Synchronous on purpose: Microsoft.Data.Sqlite has no real async I/O, and the per-row Task would cost more than the insert.
    private static void Upsert(SqliteConnection connection, SqliteTransaction transaction, TableRows rows, string now)
    {
        var table = rows.Table;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO {table.Name} ({UpsertSql.ColumnList(table)}, _timestamp)\n" +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i))}, @now)\n" +
            UpsertSql.OnConflict(table);
        var parameters = table.Columns.Select((c, i) => command.Parameters.Add("@p" + i, SqliteTypeOf(c.Kind))).ToArray();
        command.Parameters.AddWithValue("@now", now);
        command.Prepare();
        foreach (var row in rows.Sorted())
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = ToSqlite(row[i]);
            }

            command.ExecuteNonQuery();
        }
    }

    private static SqliteType SqliteTypeOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Bool or ColumnKind.Integer => SqliteType.Integer,
        ColumnKind.Float => SqliteType.Real,
        _ => SqliteType.Text,
    };

    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime time => KcidbTimestamp.Format(time),
        string[] items => JsonSerializer.Serialize(items),
        _ => value,
    };
}
