using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>Reads the YAML texts a LAVA callback carries: each suite of `results` is a YAML list of cases, and `log`
/// is output.yaml, a list of `{dt, lvl, msg}` (docs/labs.md, the callback). Every refusal names the field.</summary>
internal static class LavaYaml
{
    public static IReadOnlyList<LavaCase> Cases(string field, string text) => CaseReader.Read(field, text);

    /// <summary>The log's lines with a text message, stripped, escape characters shown as `^[` and empty ones dropped,
    /// as upstream's LogParser keeps them (kernelci/kernelci-core:kernelci/runtime/lava.py).</summary>
    public static IReadOnlyList<LavaLogLine> Log(string text)
    {
        var lines = new List<LavaLogLine>();
        foreach (var item in Sequence("log", text))
        {
            if (item is not YamlMappingNode entry || Child(entry, "msg") is not YamlScalarNode { Value: { } raw })
            {
                continue;
            }

            var msg = raw.Trim().Replace('\x1b'.ToString(), "^[", StringComparison.Ordinal);
            if (msg.Length > 0)
            {
                lines.Add(new LavaLogLine(Scalar(entry, "dt"), Scalar(entry, "lvl"), msg));
            }
        }

        return lines;
    }

    /// <summary>The `metadata` mapping of the job definition (a YAML text), or null when it has none.</summary>
    public static IReadOnlyDictionary<string, string> DefinitionMetadata(string text)
    {
        var root = Load("definition", text);
        var metadata = root is YamlMappingNode m ? Child(m, "metadata") as YamlMappingNode : null;
        return metadata is null ? new Dictionary<string, string>()
            : metadata.Children.Where(p => p is { Key: YamlScalarNode, Value: YamlScalarNode })
                .ToDictionary(p => ((YamlScalarNode)p.Key).Value ?? "", p => ((YamlScalarNode)p.Value).Value ?? "");
    }

    private static IEnumerable<YamlNode> Sequence(string field, string text) => Load(field, text) switch
    {
        YamlSequenceNode sequence => sequence.Children,
        null => [],
        _ => throw new CallbackInputException($"{field}: must be a YAML list"),
    };

    private static YamlNode? Load(string field, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new CallbackInputException($"{field}: not valid YAML (line {e.Start.Line}: {e.Message})");
        }

        return stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" or "~" or "null" }
            ? null : stream.Documents[0].RootNode;
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode mapping, string key) =>
        Child(mapping, key) is YamlScalarNode { Value: { } value } scalar && !(scalar.Style == ScalarStyle.Plain && value is "" or "~" or "null")
            ? value : null;
}
