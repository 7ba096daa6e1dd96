using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Maestro;

/// <summary>The one mapping from refusals to upstream's `{"detail": …}`, so that clients print the reason, never a
/// 500: a <see cref="MaestroException"/> from any validator or request guard, a request ASP.NET Core could not bind,
/// and a body that is not JSON. The first step of Maestro's pipeline; anything else goes on to the host's
/// ProblemDetails 500. A middleware rather than an IExceptionHandler: ASP.NET Core's exception handler middleware adds
/// no-cache headers to what it handles, and these replies carry only their content type, as upstream's do.</summary>
internal sealed class MaestroExceptionHandler(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (!http.Response.HasStarted && Map(e) is { } refusal)
        {
            await Detail.Write(http, refusal.Status, refusal.Detail);
        }
    }

    private static (int Status, string Detail)? Map(Exception exception) => exception switch
    {
        MaestroException e => (e.StatusCode, e.Message),
        BadHttpRequestException e => (e.StatusCode, e.Message),
        JsonException e => (StatusCodes.Status400BadRequest, "invalid JSON: " + e.Message),
        _ => null,
    };
}
