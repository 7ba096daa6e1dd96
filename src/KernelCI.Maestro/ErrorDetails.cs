using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Maestro;

/// <summary>Turns refusals into upstream's `{"detail": …}` bodies so that clients print the reason, never a 500.</summary>
internal sealed class ErrorDetails(RequestDelegate next)
{
    public const long MaxBodyBytes = 32 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            await WriteAsync(http, StatusCodes.Status413PayloadTooLarge, $"request body larger than {MaxBodyBytes} bytes");
            return;
        }

        try
        {
            await next(http);
        }
        catch (MaestroException e) when (!http.Response.HasStarted)
        {
            await WriteAsync(http, e.StatusCode, e.Message);
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            await WriteAsync(http, e.StatusCode, e.Message);
        }
        catch (System.Text.Json.JsonException e) when (!http.Response.HasStarted)
        {
            await WriteAsync(http, StatusCodes.Status400BadRequest, "invalid JSON: " + e.Message);
        }
    }

    public static Task WriteAsync(HttpContext http, int status, string detail)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(new JsonObject { ["detail"] = detail }.ToJsonString());
    }
}
