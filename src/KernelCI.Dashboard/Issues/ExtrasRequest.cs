using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Dashboard.Http;

namespace KernelCI.Dashboard.Issues;

/// <summary>POST issue/extras/'s body, `{"issues": [[id, version], …]}` (upstream's IssueExtraDetailsRequest): a
/// version may come as a number or a numeric string, as pydantic's lax mode takes it. Anything else is a 400 naming
/// `issues`; so is a list longer than the cap.</summary>
internal static class ExtrasRequest
{
    private const string Shape = "must be a list of [issue id, version] pairs";

    public static List<(string Id, long Version)> Read(JsonNode? body, int max)
    {
        if (body is not JsonObject fields || !fields.TryGetPropertyValue("issues", out var issues) || issues is null)
        {
            throw new BadParameterException("issues", "is required: " + Shape);
        }

        if (issues is not JsonArray list)
        {
            throw new BadParameterException("issues", Shape);
        }

        if (list.Count > max)
        {
            throw new BadParameterException("issues", $"at most {max} pairs per request, got {list.Count}");
        }

        var keys = new List<(string, long)>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonArray { Count: 2 } pair || pair[0] is not JsonValue idValue
                || idValue.GetValueKind() != JsonValueKind.String || Version(pair[1]) is not { } version)
            {
                throw new BadParameterException($"issues[{i}]", "must be [issue id (a string), version (a whole number)]");
            }

            keys.Add((idValue.GetValue<string>(), version));
        }

        return keys;
    }

    private static long? Version(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.Number when value.TryGetValue(out long number) => number,
            JsonValueKind.String when long.TryParse(value.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }
}
