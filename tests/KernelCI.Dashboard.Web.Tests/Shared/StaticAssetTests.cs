using System.Net;
using KernelCI.Dashboard.Tests;
using KernelCI.Data;

namespace KernelCI.Dashboard.Web.Tests;

public sealed class StaticAssetTests
{
    [Fact]
    public async Task Stylesheet_is_served_under_its_hash_to_be_kept_forever()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        var page = await WebPage.GetAsync(app, "/tree");
        var href = page.Document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        using var response = await app.Client.GetAsync(href, TestContext.Current.CancellationToken);

        Assert.Matches(@"^/static/site\.[0-9a-f]{12}\.css$", href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(response.Headers.CacheControl!.Extensions, e => e.Name == "immutable");
    }

    [Fact]
    public async Task Asset_without_its_hash_is_not_found()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.Client.GetAsync("/static/site.css", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
