using System.Data.Common;
using System.Globalization;
using KernelCI.Data;

namespace KernelCI.Maestro.Events.Log;

/// <summary>How an event gets its delivery position, where the log's writes differ most between the databases: on
/// PostgreSQL the EventSequencer gives it after commit, in commit order, and only it NOTIFYs (a NOTIFY in every
/// writer would serialise their commits on PostgreSQL's notify lock); SQLite has one writer at a time, so the next
/// position is known while writing. Chosen once per <see cref="EventStore"/>.</summary>
internal abstract class EventAppender
{
    public static EventAppender For(DatabaseKind kind) =>
        kind == DatabaseKind.PostgreSql ? PostgreSqlEventAppender.Instance : SqliteEventAppender.Instance;

    /// <summary>Appends one event in the caller's transaction; returns its row id (its position on SQLite).</summary>
    public abstract Task<long> AppendAsync(DbConnection connection, DbTransaction transaction, EventRow row, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="before"/>, then appends <paramref name="rows"/> in list order.</summary>
    public abstract Task AppendManyAsync(DbConnection connection, DbTransaction transaction, SqlText before, IReadOnlyList<EventRow> rows,
        CancellationToken cancellationToken);

    protected static async Task<long> ScalarAsync(DbCommand command, CancellationToken cancellationToken) =>
        Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

    protected static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, EventRow row) => Sql.Command(connection, transaction, sql,
        ("channel", row.Channel), ("owner", row.Owner), ("timestamp", row.Timestamp), ("data", row.Data), ("envelope", row.Envelope));

    /// <summary>One INSERT of all <paramref name="rows"/>, each with the position expression and data expression given.</summary>
    protected static void Insert(SqlText sql, IReadOnlyList<EventRow> rows, Func<int, string> position, Func<string, string> data)
    {
        sql.Text.Append("INSERT INTO maestro_events (pos, channel, owner, timestamp, data, cloud_event) VALUES ");
        for (var i = 0; i < rows.Count; i++)
        {
            sql.Text.Append(i == 0 ? "" : ", ").Append('(').Append(position(i)).Append($", @c{i}, @o{i}, @t{i}, ").Append(data($"@d{i}")).Append($", @e{i})");
            sql.Add($"c{i}", rows[i].Channel).Add($"o{i}", rows[i].Owner).Add($"t{i}", rows[i].Timestamp).Add($"d{i}", rows[i].Data).Add($"e{i}", rows[i].Envelope);
        }
    }

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, SqlText sql, CancellationToken cancellationToken)
    {
        if (sql.Text.Length > 0)
        {
            await using var command = Sql.Command(connection, transaction, sql.Text.ToString(), sql.Parameters);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
