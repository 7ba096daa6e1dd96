using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.KciDev.Cli;

/// <summary>`--json` output: one JSON document on standard output, never coloured or wrapped, so it pipes into jq.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteAsync(KciConsole console, JsonNode? value) => console.Out.WriteLineAsync(value?.ToJsonString(Options) ?? "null");
}
