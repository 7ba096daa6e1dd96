using KernelCI.Storage.Backends;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace KernelCI.Storage.Files;

/// <summary>Serves GET/HEAD of an existing object ahead of the exception handler, status pages, routing, DI binding
/// and endpoint filters, which cost a small file download more than the file itself. Everything else (folders,
/// misses, the other endpoints, any failure before the response starts) falls through to the full pipeline, which
/// answers exactly as before.</summary>
internal sealed class DownloadFastPath(RequestDelegate next, IStorageBackend backend, StorageMetrics metrics, EndpointDataSource endpoints)
{
    private HashSet<string>? _routes;

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var path = request.Path.Value;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || path is null || path.Length < 2 || path[^1] == '/'
            || Routes().Contains(path)
            || !StorageKey.TryFromUrl(DownloadApi.RawPath(http), out var key, out _))
        {
            await next(http);
            return;
        }

        try
        {
            var stored = await backend.GetAsync(key, http.RequestAborted);
            if (stored is not null)
            {
                var result = await DownloadApi.SendAsync(http, backend, stored, metrics);
                await result.ExecuteAsync(http);
                return;
            }
        }
        catch (Exception) when (!http.Response.HasStarted)
        {
            // Replaced while being read, or failing: the full pipeline retries or reports it as it always has.
            http.Response.Clear();
        }

        await next(http);
    }

    // Literal GET routes (/health, /metrics, /v1/list, ...) win over an object of the same name, as in routing,
    // which matches them case-insensitively. Read on first use: endpoints are mapped after this is built.
    private HashSet<string> Routes() => _routes ??= endpoints.Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.Parameters.Count == 0 && e.RoutePattern.RawText is not null)
        .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
