using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KernelCI.Pipeline.Config;

/// <summary>Reads one YAML file into JSON nodes. Aliases are resolved by YamlDotNet; merge keys (`<<:`) are applied
/// here so that explicit keys win over merged ones, as PyYAML does. Plain scalars are typed the way PyYAML's safe
/// loader types them (null, bool, int, float), quoted ones stay strings.</summary>
internal static class YamlToJson
{
    public static JsonObject ReadFile(string path, string displayName)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new PipelineConfigException(displayName, $"line {e.Start.Line}", "invalid YAML: " + e.Message);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return [];
        }

        return Convert(stream.Documents[0].RootNode) as JsonObject
            ?? throw new PipelineConfigException(displayName, "(top level)", "expected a mapping");
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => null,
    };

    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: "<<" })
            {
                var sources = value is YamlSequenceNode many ? many.Children : [value];
                foreach (var source in sources)
                {
                    if (Convert(source) is JsonObject merged)
                    {
                        foreach (var (name, item) in merged)
                        {
                            if (!result.ContainsKey(name))
                            {
                                result[name] = item?.DeepClone();
                            }
                        }
                    }
                }
            }
        }

        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: "<<" })
            {
                continue;
            }

            var name = key is YamlScalarNode s ? s.Value ?? "null" : key.ToString();
            result[name] = Convert(value);
        }

        return result;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "on" or "On":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE" or "no" or "No" or "off" or "Off":
                return JsonValue.Create(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (text.Any(char.IsDigit) && !text.Contains(':') &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }
}
