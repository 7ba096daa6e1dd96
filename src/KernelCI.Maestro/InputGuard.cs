using Microsoft.AspNetCore.Http;

namespace KernelCI.Maestro;

/// <summary>Refuses a path or query string the databases could not take (see <see cref="TextInput"/>), before any
/// endpoint binds it: ids, channels, subscriber ids and filter values all end up as statement parameters.</summary>
internal sealed class InputGuard(RequestDelegate next)
{
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
