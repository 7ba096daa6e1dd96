using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Web.Builds;

/// <summary>Reads KCIDB's file lists (input_files, output_files: an array of `{name, url}`, kcidb-io schema v5) into
/// links. Anything else in the column (a stray object or string) is skipped rather than failing the page.</summary>
internal static class Artifacts
{
    public static IReadOnlyList<ArtifactLink> From(JsonNode? files)
    {
        if (files is not JsonArray array)
        {
            return [];
        }

        var links = new List<ArtifactLink>();
        foreach (var file in array.OfType<JsonObject>())
        {
            if (Text(file["url"]) is { } url)
            {
                var name = Text(file["name"]) ?? url;
                links.Add(new ArtifactLink(name, url, IsLog(name) ? DetailsLinks.LogViewer(url) : null));
            }
        }

        return links;
    }

    /// <summary>The first file whose name looks like one of <paramref name="names"/> (maestro names a build's kernel
    /// image after its type, `Image`, `bzImage`, `zImage`, and its modules `modules.tar.xz`).</summary>
    public static ArtifactLink? Find(IReadOnlyList<ArtifactLink> files, params string[] names) =>
        files.FirstOrDefault(f => names.Any(n => f.Name.StartsWith(n, StringComparison.OrdinalIgnoreCase)));

    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static bool IsLog(string name) =>
        name.Contains("log", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
}
