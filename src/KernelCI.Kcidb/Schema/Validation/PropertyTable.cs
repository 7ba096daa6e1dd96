using System.Text;
using System.Text.Json;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>The schemas of an object's named properties, found by their raw UTF-8 names.</summary>
internal sealed class PropertyTable
{
    private readonly string[] names;
    private readonly SchemaNode[] nodes;
    private readonly byte[][] utf8Names;

    // The indexes of the names of each UTF-8 length: a test's field is compared with two or three names, not twenty.
    private readonly int[][] byLength;

    public PropertyTable(string[] names, SchemaNode[] nodes)
    {
        this.names = names;
        this.nodes = nodes;
        utf8Names = [.. names.Select(Encoding.UTF8.GetBytes)];
        var longest = utf8Names.Length == 0 ? 0 : utf8Names.Max(n => n.Length);
        byLength = [.. Enumerable.Range(0, longest + 1).Select(length => Enumerable.Range(0, names.Length).Where(i => utf8Names[i].Length == length).ToArray())];
    }

    public string[] Names => names;

    public SchemaNode[] Nodes => nodes;

    public int IndexOf(string name) => Array.IndexOf(names, name);

    public int Find(JsonProperty property)
    {
        // The schema's names hold no backslash, so raw bytes equal to one of them are that name unescaped: the scan
        // for an escape is only needed for a name that matched nothing as written.
        var raw = JsonText.RawUtf8(property);
        if (raw.Length < byLength.Length)
        {
            foreach (var i in byLength[raw.Length])
            {
                if (raw.SequenceEqual(utf8Names[i]))
                {
                    return i;
                }
            }
        }

        return JsonText.IsEscaped(raw) ? IndexOf(property.Name) : -1;
    }
}
