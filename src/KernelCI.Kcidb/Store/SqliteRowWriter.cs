using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace KernelCI.Kcidb.Store;

/// <summary>One prepared upsert driven through SQLite's own API, bound by position straight from the parsed UTF-8:
/// text and JSON columns are the document's own bytes (SQLite stores UTF-8), so no string is built, transcoded or
/// copied twice per field, and tests arrive by the million.</summary>
internal sealed class SqliteRowWriter : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly ColumnKind[] _kinds;
    private readonly long _now;
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _json;

    public SqliteRowWriter(SqliteConnection connection, KcidbTable table, DateTime now)
    {
        _db = connection.Handle!;
        _kinds = [.. table.Columns.Select(c => c.Kind)];
        _now = KcidbTimestamp.ToMicroseconds(now);
        _json = new Utf8JsonWriter(_buffer);
        var sql = $"INSERT INTO {table.Name} ({UpsertSql.ColumnList(table)}, _timestamp)\n" +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "?" + (i + 1)))}, ?{_kinds.Length + 1})\n" +
            UpsertSql.OnConflict(table);
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public void Write(JsonElement[] row)
    {
        for (var i = 0; i < _kinds.Length; i++)
        {
            try
            {
                Check(Bind(i + 1, _kinds[i], row[i]));
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException or InvalidOperationException)
            {
                throw new KcidbDataException($"{row[0]}: {e.Message}", e);
            }
        }

        Check(raw.sqlite3_bind_int64(_statement, _kinds.Length + 1, _now));
        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result != raw.SQLITE_DONE)
        {
            Check(result);
        }
    }

    public void Dispose()
    {
        _json.Dispose();
        _statement.Dispose();
    }

    private int Bind(int position, ColumnKind kind, JsonElement value)
    {
        if (JsonRowMapper.IsAbsent(value))
        {
            return raw.sqlite3_bind_null(_statement, position);
        }

        return kind switch
        {
            ColumnKind.Bool => raw.sqlite3_bind_int64(_statement, position, value.GetBoolean() ? 1 : 0),
            ColumnKind.Float => raw.sqlite3_bind_double(_statement, position, value.GetDouble()),
            ColumnKind.Integer => raw.sqlite3_bind_int64(_statement, position, value.GetInt64()),
            ColumnKind.Timestamp => raw.sqlite3_bind_int64(_statement, position, KcidbTimestamp.ToMicroseconds(KcidbTimestamp.Parse(value))),
            ColumnKind.Json => raw.sqlite3_bind_text(_statement, position, JsonMarshal.GetRawUtf8Value(value)),
            ColumnKind.TextArray => raw.sqlite3_bind_text(_statement, position, TextArray(value)),
            _ => BindText(position, value),
        };
    }

    private int BindText(int position, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new InvalidOperationException($"expected a string, found {value.ValueKind}");
        }

        // The raw value is the quoted text as sent; an escape sequence needs decoding, anything else is the value itself.
        var quoted = JsonMarshal.GetRawUtf8Value(value);
        var text = quoted[1..^1];
        return text.IndexOf((byte)'\\') < 0
            ? raw.sqlite3_bind_text(_statement, position, text)
            : raw.sqlite3_bind_text16(_statement, position, value.GetString()!);
    }

    // The same compact JSON text JsonSerializer writes for a string[], so stored arrays do not depend on the sender's spacing.
    private ReadOnlySpan<byte> TextArray(JsonElement value)
    {
        _buffer.ResetWrittenCount();
        _json.Reset();
        _json.WriteStartArray();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new InvalidOperationException($"expected a string, found {item.ValueKind}");
            }

            item.WriteTo(_json);
        }

        _json.WriteEndArray();
        _json.Flush();
        return _buffer.WrittenSpan;
    }

    private void Check(int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), result, raw.sqlite3_extended_errcode(_db));
        }
    }
}
