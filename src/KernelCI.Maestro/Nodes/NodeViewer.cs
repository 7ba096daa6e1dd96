using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace KernelCI.Maestro.Nodes;

/// <summary>GET /viewer?node_id=ID: a small server-rendered page for one node (its fields, parent, children and
/// artifacts), where upstream's API serves its node viewer (kernelci/kernelci-api:api/main.py; docs/maestro.md "Node
/// viewer") and where kci-dev's `maestro coverage` and the KCIDB bridge's `misc.maestro_viewer` point. Everything shown
/// comes from stored nodes, so all of it is HTML-escaped, only http(s) artifact URLs become links, and the page allows
/// no script (docs/maestro.md).</summary>
internal static class NodeViewer
{
    public const int MaxChildren = 1000;

    private static readonly string[] Fields =
        ["id", "kind", "name", "path", "group", "state", "result", "owner", "submitter", "treeid", "user_groups", "created", "updated",
         "timeout", "holdoff", "retry_counter", "jobfilter", "platform_filter", "processed_by_kcidb_bridge"];

    public static async Task<IResult> HandleAsync(HttpContext http, NodeStore store, CancellationToken cancellationToken)
    {
        // A stored value must never run as script or be sniffed as something else.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var request = http.Request;
        var id = request.Query["node_id"];
        if (id.Count != 1 || string.IsNullOrEmpty(id[0]))
        {
            return Page(400, "Bad request", "<p>node_id: give one node id, as in <code>viewer?node_id=ID</code>.</p>");
        }

        if (!ObjectIds.IsValid(id[0]))
        {
            return Page(400, "Bad request", $"<p>node_id: '{E(id[0])}' is not a node id (24 hex digits).</p>");
        }

        if (await store.GetJsonAsync(id[0]!, cancellationToken) is not { } json)
        {
            return Page(404, "Node not found", $"<p>No node {E(id[0])}.</p>");
        }

        var node = JsonNode.Parse(json)!.AsObject();
        var children = await store.QueryAsync(NodeQueryParser.Parse(new QueryCollection(new Dictionary<string, StringValues>
        {
            ["parent"] = id[0], ["sort"] = "created", ["limit"] = (MaxChildren + 1).ToString(CultureInfo.InvariantCulture),
        }), defaultLimit: null), cancellationToken);
        return Page(200, $"{Text(node["kind"])} {Text(node["name"])} {id[0]}", Body(node, children));
    }

    private static string Body(JsonObject node, List<string> children)
    {
        var html = new StringBuilder("<table>\n");
        foreach (var field in Fields)
        {
            html.Append("<tr><th>").Append(E(field)).Append("</th><td>").Append(E(Text(node[field]))).Append("</td></tr>\n");
        }

        var parent = Text(node["parent"]);
        html.Append("<tr><th>parent</th><td>")
            .Append(parent.Length == 0 ? "" : $"<a href=\"viewer?node_id={E(Uri.EscapeDataString(parent))}\">{E(parent)}</a>")
            .Append("</td></tr>\n</table>\n");

        html.Append("<h2>Artifacts</h2>\n<ul>\n");
        foreach (var (name, url) in (node["artifacts"] as JsonObject ?? []).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var text = Text(url);
            html.Append("<li>").Append(E(name)).Append(": ")
                .Append(IsWebUrl(text) ? $"<a href=\"{E(text)}\" rel=\"noreferrer\">{E(text)}</a>" : E(text)).Append("</li>\n");
        }

        html.Append("</ul>\n<h2>Children</h2>\n<ul>\n");
        foreach (var child in children.Take(MaxChildren).Select(c => JsonNode.Parse(c)!.AsObject()))
        {
            var childId = Text(child["id"]);
            html.Append($"<li><a href=\"viewer?node_id={E(Uri.EscapeDataString(childId))}\">{E(Text(child["name"]))}</a> ")
                .Append(E($"{Text(child["kind"])} {Text(child["state"])} {Text(child["result"])}")).Append("</li>\n");
        }

        html.Append("</ul>\n");
        if (children.Count > MaxChildren)
        {
            html.Append($"<p>Only the first {MaxChildren} children are listed; see <code>nodes?parent=ID</code>.</p>\n");
        }

        html.Append("<h2>Data</h2>\n<pre>")
            .Append(E(node["data"]?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "null")).Append("</pre>\n");
        return html.ToString();
    }

    private static IResult Page(int status, string title, string body) => Results.Content(
        $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{E(title)}</title>\n" +
        "<style>body{font-family:sans-serif;margin:1em 2em}th{text-align:left;padding-right:1em;vertical-align:top}" +
        "pre{background:#f4f4f4;padding:.5em;overflow:auto}</style></head>\n" +
        $"<body><h1>{E(title)}</h1>\n{body}</body></html>\n", "text/html; charset=utf-8", Encoding.UTF8, status);

    private static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>A field as one line of text: strings as they are, arrays joined, other values as JSON.</summary>
    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonArray a when a.All(i => i?.GetValueKind() == JsonValueKind.String) => string.Join(" / ", a.Select(i => i!.GetValue<string>())),
        _ => value.ToJsonString(),
    };

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
