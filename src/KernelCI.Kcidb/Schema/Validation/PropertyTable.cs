using System.Text;
using System.Text.Json;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>The schemas of an object's named properties, found by their raw UTF-8 names.</summary>
internal sealed class PropertyTable(string[] names, SchemaNode[] nodes)
{
    private readonly byte[][] utf8Names = [.. names.Select(Encoding.UTF8.GetBytes)];

    public string[] Names => names;

    public SchemaNode[] Nodes => nodes;

    public int IndexOf(string name) => Array.IndexOf(names, name);

    public int Find(JsonProperty property)
    {
        var raw = JsonText.RawUtf8(property);
        if (JsonText.IsEscaped(raw))
        {
            return IndexOf(property.Name);
        }

        for (var i = 0; i < utf8Names.Length; i++)
        {
            if (utf8Names[i].Length == raw.Length && raw.SequenceEqual(utf8Names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
