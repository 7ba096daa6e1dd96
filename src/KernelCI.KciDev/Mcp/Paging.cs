using System.Text.Json.Nodes;

namespace KernelCI.KciDev.Mcp;

/// <summary>How the list tools keep answers small enough for an agent's context, as upstream's `_page`
/// (kernelci/kci-dev:kcidev/mcp/tools_dashboard.py): an optional status filter, a limit/offset window and a projection
/// on `fields`; the answer says how many items there were (`total`) and how many matched the status (`matched`).</summary>
internal static class Paging
{
    public const int DefaultLimit = 20;

    public static JsonObject Page(JsonNode? data, string key, string? status, int limit, int offset, IReadOnlyList<string>? fields)
    {
        var filter = StatusArgument.Parse(status);
        if (limit < 1)
        {
            throw new ToolArgumentException("limit", $"must be at least 1, got {limit}");
        }

        if (offset < 0)
        {
            throw new ToolArgumentException("offset", $"must be 0 or more, got {offset}");
        }

        var items = (data is JsonObject o ? o[key] : data) as JsonArray ?? [];
        var matched = items.OfType<JsonObject>().Where(filter).ToList();
        var page = matched.Skip(offset).Take(limit).Select(item => Project(item, fields));
        return new JsonObject
        {
            [key] = new JsonArray([.. page]),
            ["total"] = items.Count,
            ["matched"] = matched.Count,
            ["limit"] = limit,
            ["offset"] = offset,
        };
    }

    public static JsonNode Project(JsonObject item, IReadOnlyList<string>? fields) => fields is null || fields.Count == 0
        ? item.DeepClone()
        : new JsonObject(fields.Where(item.ContainsKey).Select(f => KeyValuePair.Create(f, item[f]?.DeepClone())));
}
