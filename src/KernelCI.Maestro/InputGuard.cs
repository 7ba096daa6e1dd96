using Microsoft.AspNetCore.Http;

namespace KernelCI.Maestro;

/// <summary>Refuses, before any endpoint binds it, a request the databases could not take: a body over
/// <see cref="MaxBodyBytes"/>, or a path or query string with text no column can hold (see <see cref="TextInput"/>):
/// ids, channels, subscriber ids and filter values all end up as statement parameters.</summary>
internal sealed class InputGuard(RequestDelegate next)
{
    public const long MaxBodyBytes = 32 * 1024 * 1024;

    /// <summary>The first step of Maestro's pipeline, before the version prefix is read.</summary>
    public static Task RefuseLargeBody(HttpContext http, RequestDelegate next) => http.Request.ContentLength > MaxBodyBytes
        ? throw new MaestroException(StatusCodes.Status413PayloadTooLarge, $"request body larger than {MaxBodyBytes} bytes")
        : next(http);

    public Task InvokeAsync(HttpContext http)
    {
        TextInput.Require(http.Request.Path.Value ?? "", "path");
        foreach (var (key, values) in http.Request.Query)
        {
            TextInput.Require(key, "query parameter name");
            foreach (var value in values)
            {
                TextInput.Require(value ?? "", key);
            }
        }

        return next(http);
    }
}
