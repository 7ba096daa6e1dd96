using System.Text.Json.Nodes;

namespace KernelCI.Maestro.Nodes;

/// <summary>The `data` of a node event (docs/maestro.md "Events and the delivery guarantee"; upstream:
/// kernelci/kernelci-api:api/main.py).</summary>
internal static class NodeEvents
{
    public const string Channel = "node";

    public static JsonObject Payload(string op, JsonObject node, bool isHierarchy, JsonObject? previous)
    {
        var payload = new JsonObject { ["op"] = op };
        foreach (var field in (string[])["id", "kind", "name", "path", "group", "state", "result", "owner", "data"])
        {
            payload[field] = node[field]?.DeepClone();
        }

        payload["is_hierarchy"] = isHierarchy;
        if (previous is not null)
        {
            payload["previous_state"] = previous["state"]?.DeepClone();
            payload["previous_result"] = previous["result"]?.DeepClone();
        }

        return payload;
    }
}
