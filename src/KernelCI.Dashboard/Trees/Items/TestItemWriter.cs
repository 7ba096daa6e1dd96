using System.Text.Json;
using KernelCI.Dashboard.Http;

namespace KernelCI.Dashboard.Trees.Items;

/// <summary>Writes test items straight to the response, as the serializer wrote the records they replace (snake_case
/// names in declaration order, nulls kept, the serializer's own string escaping and number format), without building
/// them as nodes first. The whole environment_misc goes through a JsonDocument, which writes it as a parsed JsonNode
/// was (the node wrote its element).</summary>
internal static class TestItemWriter
{
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Origin = JsonEncodedText.Encode("origin");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText Duration = JsonEncodedText.Encode("duration");
    private static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
    private static readonly JsonEncodedText StartTime = JsonEncodedText.Encode("start_time");
    private static readonly JsonEncodedText EnvironmentCompatible = JsonEncodedText.Encode("environment_compatible");
    private static readonly JsonEncodedText Config = JsonEncodedText.Encode("config");
    private static readonly JsonEncodedText LogUrl = JsonEncodedText.Encode("log_url");
    private static readonly JsonEncodedText Architecture = JsonEncodedText.Encode("architecture");
    private static readonly JsonEncodedText Compiler = JsonEncodedText.Encode("compiler");
    private static readonly JsonEncodedText EnvironmentMisc = JsonEncodedText.Encode("environment_misc");
    private static readonly JsonEncodedText Platform = JsonEncodedText.Encode("platform");
    private static readonly JsonEncodedText Lab = JsonEncodedText.Encode("lab");

    /// <summary>`"name": [items]`, handing the bytes to the response as they accumulate.</summary>
    public static async Task WriteListAsync(JsonStream json, string name, IReadOnlyList<TestItem> items)
    {
        var writer = json.Writer;
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var item in items)
        {
            Write(writer, item);
            await json.FlushIfFullAsync();
        }

        writer.WriteEndArray();
    }

    public static void Write(Utf8JsonWriter writer, TestItem item)
    {
        writer.WriteStartObject();
        writer.WriteString(Id, item.Id);
        writer.WriteString(Origin, item.Origin);
        writer.WriteString(Status, item.Status);
        writer.WriteNumberOrNull(Duration, item.Duration);
        writer.WriteString(Path, item.Path);
        writer.WriteStringOrNull(StartTime, item.StartTime);
        if (item.EnvironmentCompatible is { } compatibles)
        {
            writer.WriteStartArray(EnvironmentCompatible);
            foreach (var compatible in compatibles)
            {
                writer.WriteStringValue(compatible);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNull(EnvironmentCompatible);
        }

        writer.WriteString(Config, item.Config);
        writer.WriteStringOrNull(LogUrl, item.LogUrl);
        writer.WriteString(Architecture, item.Architecture);
        writer.WriteString(Compiler, item.Compiler);
        writer.WritePropertyName(EnvironmentMisc);
        if (item.EnvironmentMisc is { } misc)
        {
            using var document = JsonDocument.Parse(misc);
            document.RootElement.WriteTo(writer);
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteStringOrNull(Platform, item.Platform);
            writer.WriteEndObject();
        }

        writer.WriteString(Lab, item.Lab);
        writer.WriteEndObject();
    }
}
