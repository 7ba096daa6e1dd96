using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Pipeline.Api;

/// <summary>Reads the JSON body and its fields; every refusal names the field.</summary>
internal static class ApiInput
{
    public const int MaxFilters = 8;

    // Duplicate keys are refused, as a JsonObject holding them would throw later, on first use.
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    /// <summary>The body as a JSON object, read within the endpoint's <see cref="ApiBodyLimit"/>: 413 past its size,
    /// 408 past its time, 400 for anything but one JSON object without duplicate keys.</summary>
    public static async Task<JsonObject> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ApiBodyLimit>() ?? new ApiBodyLimit(1024 * 1024, TimeSpan.FromSeconds(30));
        var bytes = await ApiBody.ReadAsync(request, limit, cancellationToken);
        // JsonNode decodes strings only when they are read, so invalid UTF-8 would throw there, deep in an endpoint.
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            throw ApiException.BadRequest("body: not valid UTF-8");
        }

        try
        {
            return JsonNode.Parse(bytes, documentOptions: Strict) as JsonObject
                ?? throw ApiException.BadRequest("body: must be a JSON object");
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"body: not valid JSON ({e.Message})");
        }
    }

    /// <summary>A Maestro node id (24 hex digits), checked here so that a malformed one is named as the field.</summary>
    public static string? OptionalNodeId(JsonObject body, string field) =>
        OptionalString(body, field) is not { } id ? null
        : id.Length == 24 && id.All(char.IsAsciiHexDigit) ? id
        : throw ApiException.BadRequest($"{field}: '{Shorten(id)}' is not a node id (24 hex digits)");

    public static string RequiredNodeId(JsonObject body, string field) =>
        OptionalNodeId(body, field) ?? throw ApiException.BadRequest($"{field}: field required");

    /// <summary>The node, or 404 naming the field.</summary>
    public static async Task<MaestroNode> NodeAsync(MaestroClient maestro, string field, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await maestro.GetNodeAsync(id, cancellationToken) ?? throw ApiException.NotFound($"{field}: node {id} not found");
        }
        catch (MaestroClientException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw ApiException.NotFound($"{field}: node {id} not found");
        }
    }

    /// <summary>A value quoted back in a message, cut so that an overlong one does not make an overlong reply.</summary>
    public static string Shorten(string value) => value.Length > 80 ? value[..80] + "…" : value;

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
