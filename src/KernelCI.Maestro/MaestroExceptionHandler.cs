using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Maestro;

/// <summary>The one mapping from refusals to upstream's `{"detail": …}`, so that clients print the reason, never a
/// 500: a <see cref="MaestroException"/> from any handler, validator or request guard, a request ASP.NET Core could
/// not bind, and a body that is not JSON. Anything else is left to the host's ProblemDetails 500.</summary>
internal sealed class MaestroExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = exception switch
        {
            MaestroException e => (e.StatusCode, e.Message),
            BadHttpRequestException e => (e.StatusCode, e.Message),
            JsonException e => (StatusCodes.Status400BadRequest, "invalid JSON: " + e.Message),
            _ => (0, ""),
        };
        if (status == 0)
        {
            return false;
        }

        await Detail.Write(http, status, detail);
        return true;
    }
}
