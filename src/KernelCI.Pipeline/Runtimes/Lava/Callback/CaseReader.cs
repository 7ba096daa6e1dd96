using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>Reads a suite's YAML list of cases from the parser's events, keeping only name, result and
/// metadata.set/error_type/error_msg. A 5,000-case suite is 2 MB of YAML; building YamlDotNet's node tree of it first
/// took most of the callback's parsing time (docs/benchmarks.md, LAVA labs). Same refusals as the node tree gave:
/// not a list, an item not a mapping, a duplicate key, invalid YAML.</summary>
internal static class CaseReader
{
    public static IReadOnlyList<LavaCase> Read(string field, string text)
    {
        var parser = new Parser(new StringReader(text));
        var cases = new List<LavaCase>();
        try
        {
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                return cases;
            }

            if (parser.TryConsume<Scalar>(out var root))
            {
                return IsNull(root) ? cases : throw new CallbackInputException($"{field}: must be a YAML list");
            }

            if (!parser.TryConsume<SequenceStart>(out _))
            {
                throw new CallbackInputException($"{field}: must be a YAML list");
            }

            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                if (!parser.TryConsume<MappingStart>(out _))
                {
                    throw new CallbackInputException($"{field}: each case must be a mapping");
                }

                cases.Add(ReadCase(field, parser));
            }
        }
        catch (YamlException e)
        {
            throw new CallbackInputException($"{field}: not valid YAML (line {e.Start.Line}: {e.Message})");
        }

        return cases;
    }

    private static LavaCase ReadCase(string field, Parser parser)
    {
        var fields = ReadMapping(parser, "metadata");
        var name = fields.GetValueOrDefault("name") is { Length: > 0 } n ? n : throw new CallbackInputException($"{field}: a case has no name");
        var result = fields.GetValueOrDefault("result") ?? throw new CallbackInputException($"{field}: case '{Short(name)}' has no result");
        return new LavaCase(name, result, fields.GetValueOrDefault("metadata.set"), fields.GetValueOrDefault("metadata.error_type"),
            fields.GetValueOrDefault("metadata.error_msg"));
    }

    /// <summary>The scalar values of a mapping whose start was consumed, up to its end; the mapping named
    /// <paramref name="nested"/> is read too, its keys prefixed. Other nested values are skipped.</summary>
    private static Dictionary<string, string?> ReadMapping(Parser parser, string? nested, string prefix = "")
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>();
            if (!keys.Add(key.Value))
            {
                throw new YamlException(key.Start, key.End, $"Duplicate key {key.Value}");
            }

            if (parser.TryConsume<Scalar>(out var value))
            {
                values[prefix + key.Value] = IsNull(value) ? null : value.Value;
            }
            else if (key.Value == nested && parser.TryConsume<MappingStart>(out _))
            {
                foreach (var (k, v) in ReadMapping(parser, null, key.Value + "."))
                {
                    values[k] = v;
                }
            }
            else
            {
                parser.SkipThisAndNestedEvents();
            }
        }

        return values;
    }

    // As a YAML null (and LAVA's own empty values) reads: plain "", "~" or "null".
    private static bool IsNull(Scalar scalar) => scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null";

    private static string Short(string value) => value.Length > 80 ? value[..80] + "…" : value;
}
