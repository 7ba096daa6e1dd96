using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Config;

/// <summary>One entry of a section as written, with the file it came from and its dotted key.</summary>
internal sealed record RawEntry(string File, string Key, string Name, JsonNode? Value)
{
    /// <summary>A reader over the entry's mapping; an empty entry (`kubernetes:`) reads as an empty mapping.</summary>
    public EntryReader Reader() => Value switch
    {
        null => new EntryReader(File, Key, []),
        JsonObject o => new EntryReader(File, Key, o),
        _ => throw new PipelineConfigException(File, Key, $"expected a mapping, got {EntryReader.Kind(Value)}"),
    };
}
