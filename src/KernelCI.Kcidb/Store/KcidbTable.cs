using System.Collections.Frozen;

namespace KernelCI.Kcidb.Store;

/// <summary>One object type: its table, its I/O list name (the same) and its columns; key columns come first.</summary>
internal sealed class KcidbTable
{
    public KcidbTable(string name, string[] key, KcidbColumn[] columns)
    {
        Name = name;
        Key = key;
        Columns = [.. key.Select(k => columns.Single(c => c.Name == k)), .. columns.Where(c => !key.Contains(c.Name))];
        Index = Columns.Select((c, i) => (c.Name, i)).ToFrozenDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        Nested = Columns.Where(c => c.Parent is not null).GroupBy(c => c.Parent!).ToFrozenDictionary(
            g => g.Key, g => g.ToFrozenDictionary(c => c.Field, c => Index[c.Name], StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public string Name { get; }

    public string[] Key { get; }

    public KcidbColumn[] Columns { get; }

    /// <summary>Column position by column name.</summary>
    public FrozenDictionary<string, int> Index { get; }

    /// <summary>The nested objects flattened into columns ("environment", "number", "culprit"): column position by field.</summary>
    public FrozenDictionary<string, FrozenDictionary<string, int>> Nested { get; }

    public bool IsVersioned => Key.Length == 2;
}
