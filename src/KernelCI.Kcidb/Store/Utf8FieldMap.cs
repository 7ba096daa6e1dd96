using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace KernelCI.Kcidb.Store;

/// <summary>The fields of one object level (a table's top level, or a nested object such as "environment") by their
/// UTF-8 names: matching the parsed bytes avoids allocating a string per property of millions of objects.</summary>
internal sealed class Utf8FieldMap
{
    private readonly byte[][] _names;
    private readonly int[] _columns;
    private readonly Utf8FieldMap?[] _nested;

    // The fields of each UTF-8 name length: a property is compared with the two or three names of its length only.
    private readonly int[][] _byLength;

    private Utf8FieldMap(List<(string Name, int Column, Utf8FieldMap? Nested)> fields)
    {
        _names = [.. fields.Select(f => Encoding.UTF8.GetBytes(f.Name))];
        _columns = [.. fields.Select(f => f.Column)];
        _nested = [.. fields.Select(f => f.Nested)];
        var longest = _names.Length == 0 ? 0 : _names.Max(n => n.Length);
        _byLength = [.. Enumerable.Range(0, longest + 1).Select(length => Enumerable.Range(0, _names.Length).Where(i => _names[i].Length == length).ToArray())];
    }

    public static Utf8FieldMap For(KcidbTable table)
    {
        var fields = table.Columns.Where(c => c.Parent is null).Select(c => (c.Name, table.Index[c.Name], (Utf8FieldMap?)null)).ToList();
        foreach (var (parent, nested) in table.Nested)
        {
            fields.Add((parent, -1, new Utf8FieldMap([.. nested.Select(n => (n.Key, n.Value, (Utf8FieldMap?)null))])));
        }

        return new Utf8FieldMap(fields);
    }

    /// <summary>The column the property fills, or -1 with <paramref name="nested"/> set for a flattened object, or -1
    /// alone for a field that has no column (submitted metadata such as `_timestamp`).</summary>
    public int Find(JsonProperty property, out Utf8FieldMap? nested)
    {
        // The field names hold no backslash: raw bytes equal to one of them are that name unescaped, so the scan for an
        // escape is only needed when the name as written matched nothing.
        var name = JsonMarshal.GetRawUtf8PropertyName(property);
        var column = Find(name, out nested);
        return column >= 0 || nested is not null || name.IndexOf((byte)'\\') < 0
            ? column
            : Find(Encoding.UTF8.GetBytes(property.Name), out nested);
    }

    private int Find(ReadOnlySpan<byte> name, out Utf8FieldMap? nested)
    {
        var candidates = name.Length < _byLength.Length ? _byLength[name.Length] : [];
        foreach (var i in candidates)
        {
            if (name.SequenceEqual(_names[i]))
            {
                nested = _nested[i];
                return _columns[i];
            }
        }

        nested = null;
        return -1;
    }
}
