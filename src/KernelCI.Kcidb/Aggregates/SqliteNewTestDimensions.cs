using System.Runtime.InteropServices;
using System.Text.Json;
using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Aggregates;

/// <summary>
/// The <c>dash_build_tests</c> key of a test the batch creates, computed from its submitted values: under the merge
/// rule a new row is exactly the batch's (merged) object, so there is nothing to read back. It gives what
/// <see cref="TestDimensions.Sqlite"/> gives on the stored row, or declines (<see cref="TryKey"/> false) for any value
/// where the two could differ: a platform or runtime that is not a string, a key given twice in <c>misc</c>, or a
/// compatible that the stored array's JSON would escape. A declined test is read back as an existing one is.
/// <para>Session 14 (docs/benchmarks.md, "Dashboard aggregates A/B"): reading every merged test back and running four
/// JSON functions on it was the largest part of the aggregates' cost on SQLite.</para>
/// </summary>
internal sealed class SqliteNewTestDimensions
{
    private static readonly int TestId = KcidbTables.Tests.Index["id"];
    private static readonly int BuildId = KcidbTables.Tests.Index["build_id"];
    private static readonly int Origin = KcidbTables.Tests.Index["origin"];
    private static readonly int Path = KcidbTables.Tests.Index["path"];
    private static readonly int Status = KcidbTables.Tests.Index["status"];
    private static readonly int EnvironmentMisc = KcidbTables.Tests.Index["environment_misc"];
    private static readonly int Compatible = KcidbTables.Tests.Index["environment_compatible"];
    private static readonly int Misc = KcidbTables.Tests.Index["misc"];

    private readonly JsonElement[][] _rows;
    private readonly TestDimensionKey?[] _keys;
    private readonly KeyValuePair<TestDimensionKey, long>[] _counts;

    private SqliteNewTestDimensions(JsonElement[][] rows, TestDimensionKey?[] keys, KeyValuePair<TestDimensionKey, long>[] counts)
    {
        _rows = rows;
        _keys = keys;
        _counts = counts;
    }

    /// <summary>Every test's key (null where only the stored row can tell it) and the count of each key, in key order.
    /// The ingester computes it while the previous batch loads (<c>IKcidbStore.Prepare</c>), off the single writer's
    /// thread: on the writer it was 6.7 s of the 2,073,000-object bench's 46 s of writes (docs/benchmarks.md, session 21).</summary>
    public static SqliteNewTestDimensions Of(JsonTableRows tests)
    {
        var rows = tests.Sorted();
        var keys = new TestDimensionKey?[rows.Length];
        var counts = new Dictionary<TestDimensionKey, long>(rows.Length / 2);
        for (var i = 0; i < rows.Length; i++)
        {
            if (TryKey(rows[i], out var key))
            {
                keys[i] = key;
                ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
                count++;
            }
        }

        return new SqliteNewTestDimensions(rows, keys, Sorted(counts));
    }

    /// <summary>The counts of the keyed tests that are not in <paramref name="existing"/> (the batch's tests already
    /// stored, whose change the capture reads from the rows), in key order: the temporary table's inserts then append.</summary>
    public IReadOnlyList<KeyValuePair<TestDimensionKey, long>> CountsWithout(IReadOnlySet<string> existing)
    {
        if (existing.Count == 0)
        {
            return _counts;
        }

        var counts = _counts.ToDictionary();
        for (var i = 0; i < _rows.Length; i++)
        {
            if (_keys[i] is { } key && existing.Contains(_rows[i][TestId].GetString()!) && --counts[key] == 0)
            {
                counts.Remove(key);
            }
        }

        return Sorted(counts);
    }

    /// <summary>The ids of the new tests whose key only their stored row tells: they are read back after the upserts.</summary>
    public IEnumerable<string> DeclinedWithout(IReadOnlySet<string> existing)
    {
        for (var i = 0; i < _rows.Length; i++)
        {
            if (_keys[i] is null && _rows[i][TestId].GetString() is { } id && !existing.Contains(id))
            {
                yield return id;
            }
        }
    }

    private static KeyValuePair<TestDimensionKey, long>[] Sorted(Dictionary<TestDimensionKey, long> counts)
    {
        var sorted = counts.ToArray();
        Array.Sort(sorted, (a, b) => Compare(a.Key, b.Key));
        return sorted;
    }

    private static int Compare(TestDimensionKey a, TestDimensionKey b)
    {
        var c = string.CompareOrdinal(a.BuildId, b.BuildId);
        c = c != 0 ? c : string.CompareOrdinal(a.Origin, b.Origin);
        c = c != 0 ? c : a.IsBoot.CompareTo(b.IsBoot);
        c = c != 0 ? c : string.CompareOrdinal(a.PathGroup, b.PathGroup);
        c = c != 0 ? c : string.CompareOrdinal(a.Platform, b.Platform);
        c = c != 0 ? c : string.CompareOrdinal(a.Compatibles, b.Compatibles);
        c = c != 0 ? c : string.CompareOrdinal(a.Lab, b.Lab);
        return c != 0 ? c : string.CompareOrdinal(a.Status, b.Status);
    }

    public static bool TryKey(JsonElement[] row, out TestDimensionKey key)
    {
        key = default;
        if (row[BuildId].ValueKind != JsonValueKind.String || row[Origin].ValueKind != JsonValueKind.String
            || !TryOptionalText(row[Path], out var path) || !TryOptionalText(row[Status], out var status)
            || !TryMember(row[EnvironmentMisc], "platform"u8, out var platform) || !TryMember(row[Misc], "runtime"u8, out var lab)
            || !TryCompatibles(row[Compatible], out var compatibles))
        {
            return false;
        }

        // TestDimensions.Sqlite: boot is `boot` or `boot.…`; the group is the path up to its first dot; null is ''.
        var isBoot = path is "boot" || (path?.StartsWith("boot.", StringComparison.Ordinal) ?? false) ? 1 : 0;
        var dot = path?.IndexOf('.') ?? -1;
        var group = path is null ? "" : dot >= 0 ? path[..dot] : path;
        key = new TestDimensionKey(row[BuildId].GetString()!, row[Origin].GetString()!, isBoot, group, platform ?? "", compatibles, lab ?? "",
            status ?? "NULL");
        return true;
    }

    private static bool TryOptionalText(JsonElement value, out string? text)
    {
        text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return text is not null || JsonRowMapper.IsAbsent(value);
    }

    // CAST(json_extract(column, '$.name') AS TEXT): a string member is its text; no column, no member or a null is
    // NULL; a column that is not an object has no member. Anything else (numbers, objects, duplicates) is declined.
    private static bool TryMember(JsonElement value, ReadOnlySpan<byte> name, out string? text)
    {
        text = null;
        if (value.ValueKind != JsonValueKind.Object)
        {
            return value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Array or JsonValueKind.String
                or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;
        }

        var found = false;
        foreach (var member in value.EnumerateObject())
        {
            if (!member.NameEquals(name))
            {
                continue;
            }

            if (found || member.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return false;
            }

            found = true;
            text = member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() : null;
        }

        return true;
    }

    // The stored array is the compact JSON SqliteRowWriter writes; json() keeps it as it is when no item needs an
    // escape, so the key is that text ('' for none or an empty array).
    private static bool TryCompatibles(JsonElement value, out string text)
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

        var raw = JsonMarshal.GetRawUtf8Value(value);
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !IsPlain(JsonMarshal.GetRawUtf8Value(item)))
            {
                return false;
            }
        }

        // Plain items: the compact text is the items' raw text joined by commas.
        var compact = new System.Text.StringBuilder(raw.Length).Append('[');
        var first = true;
        foreach (var item in value.EnumerateArray())
        {
            compact.Append(first ? "" : ",").Append(System.Text.Encoding.ASCII.GetString(JsonMarshal.GetRawUtf8Value(item)));
            first = false;
        }

        text = compact.Append(']').ToString();
        return true;
    }

    // A quoted string of printable ASCII that System.Text.Json's default encoder writes unescaped and SQLite keeps as
    // is: no backslash, quote, or the characters the encoder escapes (< > & ' + `).
    private static bool IsPlain(ReadOnlySpan<byte> quoted)
    {
        foreach (var b in quoted[1..^1])
        {
            if (b is < 0x20 or >= 0x7f or (byte)'"' or (byte)'\\' or (byte)'<' or (byte)'>' or (byte)'&' or (byte)'\'' or (byte)'+' or (byte)'`')
            {
                return false;
            }
        }

        return true;
    }
}
