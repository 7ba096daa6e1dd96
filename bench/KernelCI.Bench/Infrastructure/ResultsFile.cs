using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace KernelCI.Bench.Infrastructure;

/// <summary>Writes a scenario's figures to .bench/SCENARIO-&lt;UTC timestamp&gt;.json.</summary>
internal static class ResultsFile
{
    /// <summary>A context's own options (naming, indentation) with relaxed escaping, so "≥" and quotes stay readable
    /// in the JSON people open by hand.</summary>
    public static JsonSerializerOptions Relaxed(JsonSerializerOptions contextOptions) =>
        new(contextOptions) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<string> WriteAsync<T>(string scenario, DateTimeOffset startedAt, T report, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(RepoPaths.ResultsDirectory);
        var path = Path.Combine(RepoPaths.ResultsDirectory, $"{scenario}-{startedAt:yyyyMMdd'T'HHmmss'Z'}.json");
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, report, typeInfo, cancellationToken);
        return path;
    }
}
