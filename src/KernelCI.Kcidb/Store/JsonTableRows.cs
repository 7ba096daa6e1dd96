using System.Runtime.InteropServices;
using System.Text.Json;

namespace KernelCI.Kcidb.Store;

/// <summary>The rows of one type in one ingestion call as JSON values, merged per key in arrival order: a later non-null
/// value replaces an earlier one and a null never overwrites, the same rule the database upsert applies.</summary>
/// <remarks>All rows share one array of cells, a row being <c>Columns.Length</c> consecutive values: the rows are built
/// while the previous batch loads and live until their own transaction, long enough for the collector to copy a
/// separate array per row (a test is 19 values, and they come by the million) through every generation.</remarks>
internal sealed class JsonTableRows(KcidbTable table)
{
    private readonly Dictionary<RowKey, int> _index = [];
    private readonly int _width = table.Columns.Length;
    private JsonElement[] _cells = [];
    private ReadOnlyMemory<JsonElement>[]? _sorted;

    public KcidbTable Table { get; } = table;

    public int Count => _index.Count;

    /// <summary>Makes room for this many rows at once, so the cells are not copied while they grow.</summary>
    public void Reserve(int rows)
    {
        if (rows * _width > _cells.Length)
        {
            Array.Resize(ref _cells, rows * _width);
        }
    }

    /// <summary>Maps one schema-valid object to its row and merges it into the row of the same key, if any.</summary>
    public void Add(JsonElement item)
    {
        _sorted = null;
        var next = _index.Count;
        // The mapping needs a free row even for an object merged into an existing one.
        if ((next + 1) * _width > _cells.Length)
        {
            Array.Resize(ref _cells, Math.Max(64 * _width, _cells.Length * 2));
        }

        // The object is mapped into the next free row; it stays there only if its key is new.
        var row = _cells.AsSpan(next * _width, _width);
        row.Clear();
        JsonRowMapper.Fill(Table, item, row);
        ref var existing = ref CollectionsMarshal.GetValueRefOrAddDefault(_index, JsonRowMapper.KeyOf(Table, row), out var found);
        if (!found)
        {
            existing = next;
            return;
        }

        var merged = _cells.AsSpan(existing * _width, _width);
        for (var i = 0; i < _width; i++)
        {
            if (!JsonRowMapper.IsAbsent(row[i]))
            {
                merged[i] = row[i];
            }
        }
    }

    /// <summary>Sorted by key, so concurrent writers lock rows in the same order and cannot deadlock.</summary>
    /// <remarks>Sorted once and kept: the ingester sorts while the previous batch loads, off the writer's path.</remarks>
    public ReadOnlyMemory<JsonElement>[] Sorted()
    {
        if (_sorted is null)
        {
            var keys = _index.Keys.ToArray();
            var positions = _index.Values.ToArray();
            Array.Sort(keys, positions);
            _sorted = [.. positions.Select(p => new ReadOnlyMemory<JsonElement>(_cells, p * _width, _width))];
        }

        return _sorted;
    }
}
