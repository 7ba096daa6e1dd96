using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Maestro.Nodes;

/// <summary>Size bounds on one node, checked by <see cref="NodeValidator"/> on every write (POST, PUT, PATCH, the
/// hierarchy PUT). Upstream has none; these are far above what the pipeline writes (names of tens of characters, paths
/// of a few levels, a few artifacts, data of a few KiB) and keep one node from costing megabytes in every event,
/// listener and page that carries it. Each refusal is a 400 naming the field.</summary>
internal static class NodeLimits
{
    public const int MaxText = 256;
    public const int MaxPath = 64;
    public const int MaxArtifacts = 1000;
    public const int MaxUrl = 2048;
    public const int MaxListItems = 1000;
    public const int MaxUserGroups = 100;
    public const int MaxObjectBytes = 1024 * 1024;

    private static readonly string[] TextFields = ["name", "group", "owner", "submitter", "treeid"];

    public static void Check(JsonObject node)
    {
        foreach (var field in TextFields)
        {
            if (node[field] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > MaxText)
            {
                throw MaestroException.BadRequest($"{field}: longer than {MaxText} characters");
            }
        }

        var path = node["path"]!.AsArray();
        if (path.Count > MaxPath)
        {
            throw MaestroException.BadRequest($"path: more than {MaxPath} elements");
        }

        TextItems(path, "path");
        var artifacts = node["artifacts"]!.AsObject();
        if (artifacts.Count > MaxArtifacts)
        {
            throw MaestroException.BadRequest($"artifacts: more than {MaxArtifacts} entries");
        }

        foreach (var (name, url) in artifacts)
        {
            if (name.Length > MaxText)
            {
                throw MaestroException.BadRequest($"artifacts: a name is longer than {MaxText} characters");
            }

            if (url!.GetValue<string>().Length > MaxUrl)
            {
                throw MaestroException.BadRequest($"artifacts.{name}: URL longer than {MaxUrl} characters");
            }
        }

        foreach (var field in (string[])["platform_filter", "jobfilter"])
        {
            if (node[field] is JsonArray list)
            {
                if (list.Count > MaxListItems)
                {
                    throw MaestroException.BadRequest($"{field}: more than {MaxListItems} entries");
                }

                if (list.Any(i => i is not null && Encoding.UTF8.GetByteCount(i.ToJsonString()) > MaxText + 2))
                {
                    throw MaestroException.BadRequest($"{field}: an entry is longer than {MaxText} characters");
                }
            }
        }

        var groups = node["user_groups"]!.AsArray();
        if (groups.Count > MaxUserGroups)
        {
            throw MaestroException.BadRequest($"user_groups: more than {MaxUserGroups} entries");
        }

        TextItems(groups, "user_groups");
        if (groups.Select(g => g!.GetValue<string>()).Distinct(StringComparer.Ordinal).Count() != groups.Count)
        {
            throw MaestroException.BadRequest("user_groups: each group may be listed once");
        }

        foreach (var field in (string[])["data", "debug"])
        {
            if (Encoding.UTF8.GetByteCount(node[field]!.ToJsonString()) > MaxObjectBytes)
            {
                throw MaestroException.BadRequest($"{field}: larger than {MaxObjectBytes} bytes as JSON");
            }
        }
    }

    private static void TextItems(JsonArray list, string field)
    {
        if (list.Any(i => i!.GetValue<string>().Length > MaxText))
        {
            throw MaestroException.BadRequest($"{field}: an entry is longer than {MaxText} characters");
        }
    }
}
