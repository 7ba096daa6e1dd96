using System.Globalization;
using System.Net;
using System.Text;
using KernelCI.Storage.Backends;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KernelCI.Storage.Files;

/// <summary>A folder-style HTML index of one prefix level, for people with a browser.</summary>
internal static class BrowsePage
{
    private const int PageSize = 1000;

    public static async Task<Results<EmptyHttpResult, ContentHttpResult, RedirectHttpResult>> RenderAsync(HttpContext http, IStorageBackend backend, string raw)
    {
        if (raw == "/" && !http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Text("KernelCI Storage Server", "text/plain; charset=utf-8");
        }

        if (!StorageKey.TryPrefix(Uri.UnescapeDataString(raw.TrimStart('/')), out var prefix, out var error) || raw.Contains("..", StringComparison.Ordinal))
        {
            return TypedResults.Text(error.Length > 0 ? error : "Path traversal detected", statusCode: 400);
        }

        var marker = http.Request.Query["marker"].ToString();
        if (!StorageKey.IsMarker(marker))
        {
            return TypedResults.Text("marker is not one this server gave: it has control characters or is too long", statusCode: 400);
        }

        var page = await backend.ListAsync(prefix, directories: true, marker.Length > 0 ? marker : null, PageSize, http.RequestAborted);
        if (page.Items.Count == 0 && prefix.Length > 0 && marker.Length == 0)
        {
            return TypedResults.Text($"Not Found: {prefix}", statusCode: 404);
        }

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Index of /").Append(Encode(prefix)).Append("</title></head><body>")
            .Append("<h1>Index of /").Append(Encode(prefix)).Append("</h1><table><tr><th>Name</th><th>Size</th><th>Modified</th></tr>");
        if (prefix.Length > 0)
        {
            html.Append("<tr><td><a href=\"../\">../</a></td><td></td><td></td></tr>");
        }

        foreach (var item in page.Items)
        {
            var name = item.Name[prefix.Length..];
            html.Append("<tr><td><a href=\"").Append(Href(name)).Append("\">").Append(Encode(name)).Append("</a></td><td>")
                .Append(item.IsDirectory ? "-" : item.Length.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(item.IsDirectory ? "" : item.LastModified.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append("</td></tr>");
        }

        html.Append("</table>");
        if (page.NextMarker is not null)
        {
            html.Append("<p><a href=\"?marker=").Append(Uri.EscapeDataString(page.NextMarker)).Append("\">next page</a></p>");
        }

        return TypedResults.Text(html.Append("</body></html>").ToString(), "text/html; charset=utf-8");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Href(string name) =>
        WebUtility.HtmlEncode(string.Join('/', name.Split('/').Select(Uri.EscapeDataString)));
}
