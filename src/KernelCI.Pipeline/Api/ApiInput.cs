using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Pipeline.Config;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Pipeline.Api;

/// <summary>Reads the JSON body and its fields; every refusal names the field.</summary>
internal static class ApiInput
{
    public const int MaxFilters = 8;

    public static async Task<JsonObject> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject
                ?? throw ApiException.BadRequest("body: must be a JSON object");
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"body: not valid JSON ({e.Message})");
        }
    }

    public static string? OptionalString(JsonObject body, string field) => body[field] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        _ => throw ApiException.BadRequest($"{field}: must be a string"),
    };

    public static string RequiredString(JsonObject body, string field) =>
        OptionalString(body, field) ?? throw ApiException.BadRequest($"{field}: field required");

    /// <summary>A list of strings; null or absent is an empty list.</summary>
    public static IReadOnlyList<string> StringList(JsonObject body, string field)
    {
        if (body[field] is null)
        {
            return [];
        }

        if (body[field] is not JsonArray array)
        {
            throw ApiException.BadRequest($"{field}: must be a list of strings");
        }

        return [.. array.Select((item, i) => item is JsonValue v && v.TryGetValue<string>(out var s)
            ? s : throw ApiException.BadRequest($"{field}[{i}]: must be a string"))];
    }

    /// <summary>jobfilter / platformfilter: at most 8 names, each known to the loaded configuration, so a typo is
    /// refused here instead of silently scheduling nothing.</summary>
    public static IReadOnlyList<string> Filter(JsonObject body, string field, IReadOnlyCollection<string> known, string what)
    {
        var names = StringList(body, field);
        if (names.Count > MaxFilters)
        {
            throw ApiException.BadRequest($"{field}: at most {MaxFilters} entries, got {names.Count}");
        }

        foreach (var name in names)
        {
            if (!known.Contains(name))
            {
                throw ApiException.BadRequest($"{field}: unknown {what} '{name}'");
            }
        }

        return names;
    }

    public static IReadOnlyList<string> JobFilter(JsonObject body, PipelineConfig config) =>
        Filter(body, "jobfilter", [.. config.Jobs.Keys], "job");

    public static IReadOnlyList<string> PlatformFilter(JsonObject body, PipelineConfig config) =>
        Filter(body, "platformfilter", [.. config.Platforms.Keys], "platform");

    public static string NewTreeId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
