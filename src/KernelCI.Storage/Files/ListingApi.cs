using System.Text;
using KernelCI.Storage.Backends;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Storage.Files;

/// <summary>`GET /v1/list`: object names one per line in ordinal order, as upstream's local driver; unlike upstream
/// also on Azure, filtered by `prefix` and paged by `limit` and `marker` (the next one is in X-Next-Marker).</summary>
internal static class ListingApi
{
    public const string NextMarkerHeader = "X-Next-Marker";

    public static IEndpointRouteBuilder MapListing(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/list", List).WithSummary("Object names under a prefix, one per line; paged with limit and marker");
        return endpoints;
    }

    public static async Task<ContentHttpResult> List(HttpContext http, IStorageBackend backend, StorageOptions options, string? prefix, int? limit, string? marker)
    {
        if (!StorageKey.TryPrefix(prefix, out var normalised, out var error))
        {
            return TypedResults.Text(error, statusCode: 400);
        }

        if (marker is not null && !StorageKey.IsMarker(marker))
        {
            return TypedResults.Text("marker is not one this server gave: it has control characters or is too long", statusCode: 400);
        }

        if (limit is <= 0)
        {
            return TypedResults.Text("limit must be positive", statusCode: 400);
        }

        var page = await backend.ListAsync(normalised, directories: false, string.IsNullOrEmpty(marker) ? null : marker,
            Math.Min(limit ?? options.MaxListPage, options.MaxListPage), http.RequestAborted);
        if (page.NextMarker is not null)
        {
            http.Response.Headers[NextMarkerHeader] = Uri.EscapeDataString(page.NextMarker);
        }

        var text = new StringBuilder();
        foreach (var item in page.Items)
        {
            text.Append(item.Name).Append('\n');
        }

        return TypedResults.Text(text.ToString(), "text/plain; charset=utf-8");
    }
}
