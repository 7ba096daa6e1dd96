using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KernelCI.Dashboard.Tests;

namespace KernelCI.Dashboard.Web.Tests;

/// <summary>A page as the server sends it (no JavaScript runs): its status, its redirect target and its HTML parsed.</summary>
internal sealed record WebPage(HttpStatusCode Status, string? Location, string Html, IDocument Document)
{
    public static async Task<WebPage> GetAsync(DashboardTestApp app, string path)
    {
        using var response = await app.Client.GetAsync(path, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var document = await new HtmlParser().ParseDocumentAsync(html, TestContext.Current.CancellationToken);
        return new WebPage(response.StatusCode, response.Headers.Location?.OriginalString, html, document);
    }

    /// <summary>The text of each row's header cell in the first table whose caption or label contains <paramref name="table"/>.</summary>
    public IReadOnlyList<string> RowHeaders(string table) => Table(table).QuerySelectorAll("tbody tr th[scope=row]").Select(t => t.TextContent.Trim()).ToList();

    public IElement Table(string caption) =>
        Document.QuerySelectorAll("table").First(t => t.QuerySelector("caption")?.TextContent.Contains(caption, StringComparison.Ordinal) == true);
}
