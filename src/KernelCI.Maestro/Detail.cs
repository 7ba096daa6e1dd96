using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KernelCI.Maestro;

/// <summary>Upstream's (FastAPI's HTTPException) error body, `{"detail": "…"}`: the one shape of every refusal, written
/// by <see cref="MaestroExceptionHandler"/>, the bearer scheme's challenge and handlers returning an expected outcome.</summary>
internal static class Detail
{
    public static string Json(string detail) => new JsonObject { ["detail"] = detail }.ToJsonString();

    public static ContentHttpResult Result(int status, string detail) => TypedResults.Content(Json(detail), "application/json", statusCode: status);

    public static Task Write(HttpContext http, int status, string detail)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(Json(detail));
    }
}
