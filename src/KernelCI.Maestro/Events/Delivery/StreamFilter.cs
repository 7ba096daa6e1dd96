using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Maestro.Events.Delivery;

/// <summary>Server-side filters for the event stream: kind, name, state, result, owner, op, group and any `data.` path
/// of the event payload, each an exact match; several values for one key mean any of them.</summary>
internal sealed class StreamFilter(IReadOnlyList<(string[] Path, HashSet<string> Values)> terms)
{
    private static readonly HashSet<string> Reserved = ["channel", "after"];

    public static StreamFilter Parse(IQueryCollection query)
    {
        var terms = new List<(string[], HashSet<string>)>();
        foreach (var (key, values) in query)
        {
            if (Reserved.Contains(key))
            {
                continue;
            }

            if (key is not ("kind" or "name" or "state" or "result" or "owner" or "op" or "group" or "id") && !key.StartsWith("data.", StringComparison.Ordinal))
            {
                throw MaestroException.BadRequest($"{key}: unknown stream filter (use kind, name, state, result, owner, op, group, id or data.<path>)");
            }

            terms.Add((key.Split('.'), values.SelectMany(v => (v ?? "").Split(',')).ToHashSet()));
        }

        return new StreamFilter(terms);
    }

    public bool Matches(string eventData)
    {
        if (terms.Count == 0)
        {
            return true;
        }

        var data = JsonNode.Parse(eventData);
        foreach (var (path, values) in terms)
        {
            var node = data;
            foreach (var segment in path)
            {
                node = node is JsonObject obj ? obj[segment] : null;
            }

            var text = node switch
            {
                null => "null",
                JsonValue value => value.ToString(),
                _ => node.ToJsonString(),
            };
            if (!values.Contains(text))
            {
                return false;
            }
        }

        return true;
    }
}
