using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KernelCI.Maestro;

internal static class RequestJson
{
    // Duplicate keys are refused while parsing: JsonObject would otherwise throw on first use (a 500), and which of
    // two values a client meant is anyone's guess.
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            var body = await JsonNode.ParseAsync(request.Body, documentOptions: Options, cancellationToken: request.HttpContext.RequestAborted);
            var obj = body as JsonObject ?? throw MaestroException.BadRequest("request body must be a JSON object");
            JsonBodyCheck.Check(obj);
            return obj;
        }
        catch (JsonException e)
        {
            throw MaestroException.BadRequest("request body is not valid JSON: " + e.Message);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json reads an escaped unpaired surrogate ("\ud800") only when the string is first used.
            throw MaestroException.BadRequest("request body holds a string that is not valid UTF-16: " + e.Message);
        }
    }

    public static ContentHttpResult Json(string json) => TypedResults.Content(json, "application/json");

    public static ContentHttpResult Json(JsonNode? node) => Json(node?.ToJsonString() ?? "null");

    public static bool Flag(HttpRequest request, string name) =>
        request.Query[name].ToString() is { Length: > 0 } value && bool.TryParse(value, out var flag) && flag;
}
