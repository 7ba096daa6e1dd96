using System.Globalization;
using KernelCI.Storage.Backends;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace KernelCI.Storage.Files;

/// <summary>Public downloads: `GET`/`HEAD /{path}` with one byte range, ETag and Last-Modified, conditional requests;
/// a path ending in '/' is browsed as HTML.</summary>
internal static class DownloadApi
{
    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/robots.txt", () => TypedResults.Text("User-agent: *\nDisallow: /\n", "text/plain; charset=utf-8")).ExcludeFromDescription();
        endpoints.MapMethods("/{**path}", ["GET", "HEAD"], Download).WithSummary("Download an object (public); a path ending in / lists it as HTML");
        return endpoints;
    }

    public static async Task<Results<EmptyHttpResult, ContentHttpResult, RedirectHttpResult>> Download(
        HttpContext http, IStorageBackend backend, StorageMetrics metrics)
    {
        var raw = RawPath(http);
        if (raw == "/" || raw.EndsWith('/'))
        {
            return await BrowsePage.RenderAsync(http, backend, raw);
        }

        if (!StorageKey.TryFromUrl(raw, out var key, out var error))
        {
            return TypedResults.Text(error, statusCode: 400);
        }

        for (var attempt = 0; ; attempt++)
        {
            var stored = await backend.GetAsync(key, http.RequestAborted);
            if (stored is null)
            {
                var children = await backend.ListAsync(key + "/", directories: true, null, 1, http.RequestAborted);
                metrics.Downloaded(children.Items.Count > 0 ? 301 : 404);
                return children.Items.Count > 0
                    ? TypedResults.Redirect(raw + "/", permanent: true)
                    : TypedResults.Text($"Not Found: {key}", statusCode: 404);
            }

            try
            {
                return await SendAsync(http, backend, stored, metrics);
            }
            catch (ObjectChangedException) when (!http.Response.HasStarted && attempt == 0)
            {
                // Replaced between reading its properties and its bytes: start again on the new version.
            }
        }
    }

    public static async Task<Results<EmptyHttpResult, ContentHttpResult, RedirectHttpResult>> SendAsync(
        HttpContext http, IStorageBackend backend, StoredObject stored, StorageMetrics metrics)
    {
        var response = http.Response;
        response.Headers.ETag = stored.ETag;
        response.Headers.LastModified = stored.LastModifiedHeader;
        response.Headers.AcceptRanges = "bytes";
        if (Conditional.NotModified(http.Request, stored))
        {
            metrics.Downloaded(304);
            response.StatusCode = StatusCodes.Status304NotModified;
            return TypedResults.Empty;
        }

        var range = Conditional.RangeApplies(http.Request, stored) ? ByteRange.Parse(http.Request.Headers.Range, stored.Length) : ByteRange.Whole;
        if (range.Kind == ByteRangeKind.Unsatisfiable)
        {
            metrics.Downloaded(416);
            response.Headers.ContentRange = $"bytes */{stored.Length}";
            return TypedResults.Text("Range Not Satisfiable", statusCode: StatusCodes.Status416RangeNotSatisfiable);
        }

        var (start, length) = range.Kind == ByteRangeKind.Partial ? (range.Start, range.Length) : (0L, stored.Length);
        response.ContentType = stored.ContentType;
        response.Headers.ContentDisposition = stored.Disposition;
        response.Headers.XContentTypeOptions = "nosniff";
        response.ContentLength = length;
        if (range.Kind == ByteRangeKind.Partial)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {range.Start}-{range.End}/{stored.Length}");
        }

        metrics.Downloaded(range.Kind == ByteRangeKind.Partial ? 206 : 200);
        if (HttpMethods.IsHead(http.Request.Method))
        {
            return TypedResults.Empty;
        }

        await backend.CopyToAsync(stored, start, length, response, http.RequestAborted);
        metrics.Sent(length);
        return TypedResults.Empty;
    }

    // The raw target, so that dot segments and encoded separators are judged as sent, not after normalisation.
    public static string RawPath(HttpContext http)
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/')
        {
            return http.Request.Path.ToUriComponent();
        }

        var query = target.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? target : target[..query];
    }
}
