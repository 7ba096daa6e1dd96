namespace KernelCI.Pipeline.Services.Trigger;

/// <summary>Upstream's --trees: `a,b` polls only those trees, `!a,b` all but those, empty all.</summary>
internal sealed class TreeSelection
{
    private readonly HashSet<string> _names;
    private readonly bool _exclude;

    public TreeSelection(string? trees)
    {
        var text = (trees ?? "").Trim();
        _exclude = text.StartsWith('!');
        _names = text.TrimStart('!').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
    }

    public bool Includes(string tree) => _names.Count == 0 || _names.Contains(tree) != _exclude;
}
