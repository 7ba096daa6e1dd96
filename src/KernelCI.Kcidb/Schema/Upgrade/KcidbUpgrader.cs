using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Kcidb.Schema.Upgrade;

/// <summary>Upgrades a valid older document to v5.3 through each major version's inheritance, as upstream's <c>upgrade()</c>.</summary>
internal static class KcidbUpgrader
{
    // The caller already parsed the document under its own limit; only misc objects nest deeply.
    private const int MaxDepth = 4096;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    /// <summary>Returns the upgraded document, or null with the reason it cannot be upgraded.</summary>
    public static JsonElement? Upgrade(JsonElement document, KcidbVersion version, out string? error)
    {
        error = null;
        var data = JsonNode.Parse(document.GetRawText(), documentOptions: DocumentOptions)!.AsObject();
        if (version.Major < 4)
        {
            V4Inheritance.Apply(data);
        }

        // Minor versions only add optional fields, so only majors rewrite data.
        if (version.Major < 5)
        {
            error = V5Inheritance.Apply(data);
            if (error is not null)
            {
                return null;
            }
        }

        data["version"] = new JsonObject { ["major"] = KcidbVersion.Latest.Major, ["minor"] = KcidbVersion.Latest.Minor };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = MaxDepth }))
        {
            data.WriteTo(writer);
        }

        using var upgraded = JsonDocument.Parse(buffer.WrittenMemory, DocumentOptions);
        return upgraded.RootElement.Clone();
    }
}
