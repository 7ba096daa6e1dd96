using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KernelCI.Maestro;

internal static class RequestJson
{
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            throw MaestroException.BadRequest("request body is not valid JSON: " + e.Message);
        }

        return body as JsonObject ?? throw MaestroException.BadRequest("request body must be a JSON object");
    }

    public static ContentHttpResult Json(string json) => TypedResults.Content(json, "application/json");

    public static ContentHttpResult Json(JsonNode? node) => Json(node?.ToJsonString() ?? "null");

    public static bool Flag(HttpRequest request, string name) =>
        request.Query[name].ToString() is { Length: > 0 } value && bool.TryParse(value, out var flag) && flag;
}
