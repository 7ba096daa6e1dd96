using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Maestro;

/// <summary>Upstream mounts every route under /latest and /v0 and sends bare paths to /latest; we serve them all from one table.</summary>
internal sealed partial class VersionPrefix(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        var match = Prefix().Match(path);
        if (match.Success)
        {
            var version = match.Groups[1].Value;
            if (version != "latest" && version != "v0")
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                http.Response.ContentType = "text/plain";
                return http.Response.WriteAsync($"Unsupported API version: {version}");
            }

            http.Request.Path = new PathString(path[(version.Length + 1)..] is { Length: > 0 } rest ? rest : "/");
        }

        return next(http);
    }

    [GeneratedRegex(@"^/(latest|v\d+)(?=/|$)")]
    private static partial Regex Prefix();
}
