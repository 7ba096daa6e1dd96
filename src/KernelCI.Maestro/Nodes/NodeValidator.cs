using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Maestro.Nodes;

/// <summary>Builds a complete node (all 23 fields, defaults filled) from a request body, or refuses it with a 400.</summary>
internal static class NodeValidator
{
    public static JsonObject Normalise(JsonObject body, DateTimeOffset now)
    {
        var node = new JsonObject();
        foreach (var field in NodeFields.All)
        {
            node[field] = body[field]?.DeepClone();
        }

        var kind = RequireString(node, "kind");
        if (kind == "node" || !NodeFields.Kinds.Contains(kind))
        {
            throw MaestroException.BadRequest($"Invalid node kind: {kind}");
        }

        RequireString(node, "name");
        if (node["path"] is not JsonArray path || path.Any(p => p?.GetValueKind() != JsonValueKind.String))
        {
            throw MaestroException.BadRequest("path: field required (a list of strings)");
        }

        OptionalString(node, "group");
        OptionalString(node, "submitter");
        OptionalString(node, "treeid");
        OptionalString(node, "owner");
        if (node["parent"] is { } parent && parent.GetValueKind() != JsonValueKind.Null)
        {
            node["parent"] = ObjectIds.Require(parent.GetValueKind() == JsonValueKind.String ? parent.GetValue<string>() : parent.ToJsonString());
        }

        node["state"] ??= "running";
        Enum(node, "state", NodeStates.All, nullable: false);
        Enum(node, "result", NodeStates.Results, nullable: true);
        if (kind == "regression" && body["result"] is null)
        {
            node["result"] = "fail";
        }

        node["artifacts"] = Artifacts(node["artifacts"]);
        node["data"] = ObjectOrEmpty(node, "data");
        node["debug"] = ObjectOrEmpty(node, "debug");
        if (node["jobfilter"] is { } jobfilter && jobfilter.GetValueKind() is not (JsonValueKind.Array or JsonValueKind.Null))
        {
            throw MaestroException.BadRequest("jobfilter: must be a list or null");
        }

        node["platform_filter"] = StringList(node, "platform_filter");
        node["user_groups"] = StringList(node, "user_groups");
        node["created"] = Time(node["created"], "created") ?? NodeTime.Render(now);
        node["updated"] = NodeTime.Render(now);
        node["timeout"] = Time(node["timeout"], "timeout") ?? NodeTime.Render(now.AddHours(6));
        node["holdoff"] = Time(node["holdoff"], "holdoff");
        node["processed_by_kcidb_bridge"] = node["processed_by_kcidb_bridge"] switch
        {
            null => false,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            _ => throw MaestroException.BadRequest("processed_by_kcidb_bridge: must be a boolean"),
        };
        node["retry_counter"] = node["retry_counter"] switch
        {
            null => 0,
            JsonValue v when v.TryGetValue<int>(out var n) => n,
            _ => throw MaestroException.BadRequest("retry_counter: must be an integer"),
        };
        NodeDataValidator.Validate(kind, (JsonObject)node["data"]!);
        NodeLimits.Check(node);
        return node;
    }

    private static string RequireString(JsonObject node, string field) =>
        node[field] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw MaestroException.BadRequest($"{field}: field required (a string)");

    private static void OptionalString(JsonObject node, string field)
    {
        if (node[field] is { } value && value.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Null))
        {
            throw MaestroException.BadRequest($"{field}: must be a string or null");
        }
    }

    private static void Enum(JsonObject node, string field, string[] allowed, bool nullable)
    {
        var value = node[field];
        if (value is null && nullable)
        {
            return;
        }

        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String || !allowed.Contains(v.GetValue<string>()))
        {
            throw MaestroException.BadRequest($"{field}: '{value?.ToJsonString()}' is not one of {string.Join(", ", allowed)}");
        }
    }

    private static JsonObject ObjectOrEmpty(JsonObject node, string field) => node[field] switch
    {
        null => [],
        JsonObject obj => obj,
        _ => throw MaestroException.BadRequest($"{field}: must be an object"),
    };

    private static JsonArray StringList(JsonObject node, string field) => node[field] switch
    {
        null => [],
        JsonArray list when list.All(i => i?.GetValueKind() == JsonValueKind.String) => list,
        _ => throw MaestroException.BadRequest($"{field}: must be a list of strings"),
    };

    private static JsonObject Artifacts(JsonNode? value)
    {
        if (value is null)
        {
            return [];
        }

        if (value is not JsonObject artifacts)
        {
            throw MaestroException.BadRequest("artifacts: must be an object of name to URL");
        }

        foreach (var (name, url) in artifacts)
        {
            var text = url?.GetValueKind() == JsonValueKind.String ? url.GetValue<string>() : null;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                throw MaestroException.BadRequest($"artifacts.{name}: '{text}' is not a valid http(s) URL");
            }
        }

        return artifacts;
    }

    private static string? Time(JsonNode? value, string field) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => NodeTime.Normalise(v.GetValue<string>(), field),
        _ => throw MaestroException.BadRequest($"{field}: must be an ISO datetime string"),
    };
}
