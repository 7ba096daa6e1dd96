using System.Runtime.InteropServices;
using System.Text.Json;

namespace KernelCI.Kcidb.Store;

/// <summary>The rows of one type in one ingestion call as JSON values, merged per key in arrival order: a later non-null
/// value replaces an earlier one and a null never overwrites, the same rule the database upsert applies.</summary>
internal sealed class JsonTableRows(KcidbTable table)
{
    private readonly Dictionary<RowKey, JsonElement[]> _rows = [];
    private JsonElement[][]? _sorted;

    public KcidbTable Table { get; } = table;

    public int Count => _rows.Count;

    /// <summary>Makes room for this many distinct keys in all, so that adding them does not regrow the map.</summary>
    public void EnsureCapacity(int count) => _rows.EnsureCapacity(count);

    public void Add(JsonElement[] row)
    {
        _sorted = null;
        ref var existing = ref CollectionsMarshal.GetValueRefOrAddDefault(_rows, JsonRowMapper.KeyOf(Table, row), out var found);
        if (!found)
        {
            existing = row;
            return;
        }

        for (var i = 0; i < row.Length; i++)
        {
            if (!JsonRowMapper.IsAbsent(row[i]))
            {
                existing![i] = row[i];
            }
        }
    }

    /// <summary>Sorted by key, so concurrent writers lock rows in the same order and cannot deadlock.</summary>
    /// <remarks>Sorted once and kept: the ingester sorts while the previous batch loads, off the writer's path.</remarks>
    public JsonElement[][] Sorted()
    {
        if (_sorted is null)
        {
            var keys = _rows.Keys.ToArray();
            var rows = _rows.Values.ToArray();
            Array.Sort(keys, rows);
            _sorted = rows;
        }

        return _sorted;
    }
}
