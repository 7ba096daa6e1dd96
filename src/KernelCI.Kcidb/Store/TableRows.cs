using System.Runtime.InteropServices;

namespace KernelCI.Kcidb.Store;

/// <summary>The rows of one type in one ingestion call, merged per key in arrival order: a later non-null value replaces
/// an earlier one and a null never overwrites, the same rule the database upsert applies.</summary>
internal sealed class TableRows(KcidbTable table)
{
    private readonly Dictionary<RowKey, object?[]> _rows = [];

    public KcidbTable Table { get; } = table;

    public int Count => _rows.Count;

    public void Add(object?[] row)
    {
        ref var existing = ref CollectionsMarshal.GetValueRefOrAddDefault(_rows, RowMapper.KeyOf(Table, row), out var found);
        if (!found)
        {
            existing = row;
            return;
        }

        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] is not null)
            {
                existing![i] = row[i];
            }
        }
    }

    /// <summary>Sorted by key, so concurrent writers lock rows in the same order and cannot deadlock.</summary>
    public List<object?[]> Sorted()
    {
        var keys = _rows.Keys.ToArray();
        Array.Sort(keys);
        var sorted = new List<object?[]>(keys.Length);
        foreach (var key in keys)
        {
            sorted.Add(_rows[key]);
        }

        return sorted;
    }
}
