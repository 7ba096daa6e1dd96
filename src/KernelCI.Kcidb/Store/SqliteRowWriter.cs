using System.Text.Json;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace KernelCI.Kcidb.Store;

/// <summary>One prepared upsert driven through SQLite's own API: binding by position with UTF-16 text costs a fraction
/// of ADO.NET's per-execution name lookups, readers and UTF-8 copies, and tests arrive by the million.</summary>
internal sealed class SqliteRowWriter : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly ColumnKind[] _kinds;
    private readonly long _now;

    public SqliteRowWriter(SqliteConnection connection, KcidbTable table, DateTime now)
    {
        _db = connection.Handle!;
        _kinds = [.. table.Columns.Select(c => c.Kind)];
        _now = KcidbTimestamp.ToMicroseconds(now);
        var sql = $"INSERT INTO {table.Name} ({UpsertSql.ColumnList(table)}, _timestamp)\n" +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "?" + (i + 1)))}, ?{_kinds.Length + 1})\n" +
            UpsertSql.OnConflict(table);
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public void Write(object?[] row)
    {
        for (var i = 0; i < _kinds.Length; i++)
        {
            var position = i + 1;
            Check(row[i] switch
            {
                null => raw.sqlite3_bind_null(_statement, position),
                string text => raw.sqlite3_bind_text16(_statement, position, text),
                bool flag => raw.sqlite3_bind_int64(_statement, position, flag ? 1 : 0),
                long integer => raw.sqlite3_bind_int64(_statement, position, integer),
                double number => raw.sqlite3_bind_double(_statement, position, number),
                DateTime utc => raw.sqlite3_bind_int64(_statement, position, KcidbTimestamp.ToMicroseconds(utc)),
                string[] items => raw.sqlite3_bind_text16(_statement, position, JsonSerializer.Serialize(items)),
                var other => throw new InvalidOperationException($"unexpected {other.GetType()} in a {_kinds[i]} column"),
            });
        }

        Check(raw.sqlite3_bind_int64(_statement, _kinds.Length + 1, _now));
        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result != raw.SQLITE_DONE)
        {
            Check(result);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), result, raw.sqlite3_extended_errcode(_db));
        }
    }
}
