using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using KernelCI.Kcidb.Store;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using BuildTestsKey = (string BuildId, string Origin, int IsBoot, string PathGroup, string Platform, string Compatibles, string Lab, string Status);

namespace KernelCI.Kcidb.Aggregates;

/// <summary>
/// SQLite's capture of what a batch changes (<see cref="AggregateMaintenance"/>), set-based around the row upserts:
/// the batch's test and build ids arrive as one JSON array each (<c>@tests</c>, <c>@builds</c>), read with
/// <c>json_each</c>. Temporary triggers on the row upserts would have been simpler, but a statement that fires a
/// trigger needs a statement journal, a copy of every page it changes: that doubled the cost of loading a test.
/// <para>A test the batch creates is stored exactly as submitted, so its dimensions are computed here from the
/// submitted values (<see cref="NewTests"/>) instead of reading the row back after the write (an index lookup and four
/// JSON functions per test). Only the tests that existed before (the lookup before the write finds them) and the rare
/// new ones whose values this code does not decode exactly as SQLite does (escapes, non-string platforms…) are read
/// back (<c>@read</c>).</para>
/// </summary>
internal static class SqliteAggregateCapture
{
    private static readonly TestDimensions Dimensions = TestDimensions.Sqlite;

    private static readonly int Id = KcidbTables.Tests.Index["id"];
    private static readonly int Build = KcidbTables.Tests.Index["build_id"];
    private static readonly int Origin = KcidbTables.Tests.Index["origin"];
    private static readonly int Path = KcidbTables.Tests.Index["path"];
    private static readonly int Status = KcidbTables.Tests.Index["status"];
    private static readonly int EnvironmentMisc = KcidbTables.Tests.Index["environment_misc"];
    private static readonly int Misc = KcidbTables.Tests.Index["misc"];
    private static readonly int Compatible = KcidbTables.Tests.Index["environment_compatible"];

    /// <summary>Run once per connection: the capture tables, emptied after every batch.</summary>
    public static string CreateSql { get; } = $"""
        CREATE TEMP TABLE IF NOT EXISTS kcidb_agg_dbt (
            build_id TEXT NOT NULL, origin TEXT NOT NULL, is_boot INTEGER NOT NULL, path_group TEXT NOT NULL,
            platform TEXT NOT NULL, compatibles TEXT NOT NULL, lab TEXT NOT NULL, status TEXT NOT NULL, d INTEGER NOT NULL,
            PRIMARY KEY ({AggregateMaintenance.BuildTestsKey}));
        CREATE TEMP TABLE IF NOT EXISTS kcidb_agg_old_tests (k INTEGER PRIMARY KEY, id TEXT NOT NULL);
        CREATE TEMP TABLE IF NOT EXISTS kcidb_agg_old_builds (id TEXT PRIMARY KEY, checkout_id TEXT, status TEXT, existed INTEGER NOT NULL);
        CREATE TEMP TABLE IF NOT EXISTS kcidb_agg_cs (checkout_id TEXT, kind TEXT, status TEXT, d INTEGER);
        CREATE TEMP TABLE IF NOT EXISTS kcidb_agg_hw (platform TEXT, compatibles TEXT, checkout_id TEXT, origin TEXT, kind TEXT, status TEXT, d INTEGER);
        """;

    /// <summary>Before the upserts: the batch's builds as they are, and the tests that exist already (their
    /// dimensions subtracted). Returns those tests' positions in <c>@tests</c>.</summary>
    public static string BeforeSql { get; } = $"""
        INSERT INTO kcidb_agg_old_builds (id, checkout_id, status, existed)
        SELECT j.value, b.checkout_id, b.status, CASE WHEN b.id IS NULL THEN 0 ELSE 1 END
        FROM json_each(@builds) j LEFT JOIN builds b ON b.id = j.value WHERE true
        ON CONFLICT (id) DO NOTHING;

        INSERT INTO kcidb_agg_old_tests (k, id)
        SELECT j.key, t.id FROM json_each(@tests) j JOIN tests t ON t.id = j.value;

        INSERT INTO kcidb_agg_dbt ({AggregateMaintenance.BuildTestsKey}, d)
        SELECT {AggregateMaintenance.BuildTestsKey}, -COUNT(*)
        FROM (SELECT t.build_id, t.origin, {Dimensions.Select} FROM kcidb_agg_old_tests o JOIN tests t ON t.id = o.id) AS d
        WHERE true
        GROUP BY {AggregateMaintenance.BuildTestsKey}
        ON CONFLICT ({AggregateMaintenance.BuildTestsKey}) DO UPDATE SET d = d + excluded.d;

        SELECT k FROM kcidb_agg_old_tests;
        """;

    private static readonly string AddSql = $"""
        INSERT INTO kcidb_agg_dbt ({AggregateMaintenance.BuildTestsKey}, d) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
        ON CONFLICT ({AggregateMaintenance.BuildTestsKey}) DO UPDATE SET d = d + excluded.d
        """;

    /// <summary>After the upserts: the merged dimensions of the tests read back (<c>@read</c>), added, and only the
    /// builds whose checkout or status changed (or that are new) kept.</summary>
    public static string AfterSql { get; } = $"""
        INSERT INTO kcidb_agg_dbt ({AggregateMaintenance.BuildTestsKey}, d)
        SELECT {AggregateMaintenance.BuildTestsKey}, COUNT(*)
        FROM (SELECT t.build_id, t.origin, {Dimensions.Select} FROM json_each(@read) j JOIN tests t ON t.id = j.value) AS d
        WHERE true
        GROUP BY {AggregateMaintenance.BuildTestsKey}
        ON CONFLICT ({AggregateMaintenance.BuildTestsKey}) DO UPDATE SET d = d + excluded.d;

        DELETE FROM kcidb_agg_old_builds
        WHERE existed = 1 AND EXISTS (
            SELECT 1 FROM builds b
            WHERE b.id = kcidb_agg_old_builds.id AND b.checkout_id IS kcidb_agg_old_builds.checkout_id AND b.status IS kcidb_agg_old_builds.status);
        """;

    /// <summary>Empties the capture for the next batch (the transaction may go on over several).</summary>
    public const string ClearSql = """
        DELETE FROM temp.kcidb_agg_dbt;
        DELETE FROM temp.kcidb_agg_old_tests;
        DELETE FROM temp.kcidb_agg_old_builds;
        DELETE FROM temp.kcidb_agg_cs;
        DELETE FROM temp.kcidb_agg_hw;
        """;

    /// <summary>The batch's tests (<paramref name="rows"/> in <c>@tests</c>' order) that did not exist before it:
    /// their counts per <c>dash_build_tests</c> key from the submitted values, and, as a JSON array of ids, the tests
    /// to read back after the write (those that existed and those whose values are not decoded here).</summary>
    public static (Dictionary<BuildTestsKey, long> Counts, string Read) NewTests(JsonElement[][] rows, HashSet<long> existing)
    {
        var counts = new Dictionary<BuildTestsKey, long>();
        var read = new StringBuilder("[");
        var buffer = new ArrayBufferWriter<byte>(128);
        using var json = new Utf8JsonWriter(buffer);
        for (var k = 0; k < rows.Length; k++)
        {
            if (!existing.Contains(k) && TryKey(rows[k], buffer, json) is { } key)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
            }
            else
            {
                read.Append(read.Length > 1 ? "," : "").Append(rows[k][Id].GetRawText());
            }
        }

        return (counts, read.Append(']').ToString());
    }

    /// <summary>Adds the counts <see cref="NewTests"/> computed to the capture: one prepared statement through SQLite's
    /// own API, bound by position (a command's named parameters cost several times the insert itself).</summary>
    public static void Add(SqliteConnection connection, Dictionary<BuildTestsKey, long> counts)
    {
        if (counts.Count == 0)
        {
            return;
        }

        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, AddSql, out var statement));
        using (statement)
        {
            foreach (var (key, n) in counts)
            {
                Check(db, raw.sqlite3_bind_text(statement, 1, key.BuildId));
                Check(db, raw.sqlite3_bind_text(statement, 2, key.Origin));
                Check(db, raw.sqlite3_bind_int64(statement, 3, key.IsBoot));
                Check(db, raw.sqlite3_bind_text(statement, 4, key.PathGroup));
                Check(db, raw.sqlite3_bind_text(statement, 5, key.Platform));
                Check(db, raw.sqlite3_bind_text(statement, 6, key.Compatibles));
                Check(db, raw.sqlite3_bind_text(statement, 7, key.Lab));
                Check(db, raw.sqlite3_bind_text(statement, 8, key.Status));
                Check(db, raw.sqlite3_bind_int64(statement, 9, n));
                var result = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                Check(db, result);
            }
        }
    }

    private static void Check(sqlite3 db, int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), result, raw.sqlite3_extended_errcode(db));
        }
    }

    // TestDimensions.Sqlite applied to the row as SqliteRowWriter stores it, or null where this could differ from what
    // SQLite computes: any escaped string (SQLite and .NET decode escapes and odd code points their own way), a
    // platform or runtime that is not a string, a misc that is not an object or names the field twice.
    private static BuildTestsKey? TryKey(JsonElement[] row, ArrayBufferWriter<byte> buffer, Utf8JsonWriter json)
    {
        if (!TryText(row[Build], null, out var build) || build is null
            || !TryText(row[Origin], null, out var origin) || origin is null
            || !TryText(row[Path], null, out var path)
            || !TryText(row[Status], "NULL", out var status)
            || !TryField(row[EnvironmentMisc], "platform"u8, out var platform)
            || !TryField(row[Misc], "runtime"u8, out var lab)
            || !TryCompatibles(row[Compatible], buffer, json, out var compatibles))
        {
            return null;
        }

        var isBoot = path is not null && (path == "boot" || path.StartsWith("boot.", StringComparison.Ordinal));
        var dot = path?.IndexOf('.') ?? -1;
        var pathGroup = path is null ? "" : dot >= 0 ? path[..dot] : path;
        return (build, origin, isBoot ? 1 : 0, pathGroup, platform, compatibles, lab, status!);
    }

    private static bool TryText(JsonElement value, string? absent, out string? text)
    {
        text = absent;
        if (JsonRowMapper.IsAbsent(value))
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.String || JsonMarshal.GetRawUtf8Value(value).Contains((byte)'\\'))
        {
            return false;
        }

        text = value.GetString();
        return true;
    }

    // json_extract(object, '$.name') cast to text, '' when absent or null.
    private static bool TryField(JsonElement value, ReadOnlySpan<byte> name, out string text)
    {
        text = "";
        if (JsonRowMapper.IsAbsent(value))
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var found = false;
        foreach (var property in value.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            if (raw.Contains((byte)'\\'))
            {
                return false;
            }

            if (raw.SequenceEqual(name))
            {
                if (found || !TryText(property.Value, "", out var field))
                {
                    return false;
                }

                found = true;
                text = field!;
            }
        }

        return true;
    }

    // The JSON array text SqliteRowWriter stores, '' when absent or empty: json() leaves compact unescaped text as it is.
    private static bool TryCompatibles(JsonElement value, ArrayBufferWriter<byte> buffer, Utf8JsonWriter json, out string text)
    {
        text = "";
        if (JsonRowMapper.IsAbsent(value))
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        if (value.GetArrayLength() == 0)
        {
            return true;
        }

        buffer.ResetWrittenCount();
        json.Reset();
        json.WriteStartArray();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            item.WriteTo(json);
        }

        json.WriteEndArray();
        json.Flush();
        if (buffer.WrittenSpan.Contains((byte)'\\'))
        {
            return false;
        }

        text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return true;
    }
}
