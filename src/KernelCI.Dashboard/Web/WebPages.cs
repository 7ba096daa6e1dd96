using KernelCI.Dashboard.Web.Compare;
using KernelCI.Dashboard.Web.Metrics;
using KernelCI.Dashboard.Web.Builds;
using KernelCI.Dashboard.Web.Search;
using KernelCI.Dashboard.Web.Shared;
using KernelCI.Dashboard.Web.Tests;
using KernelCI.Dashboard.Web.Trees;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Web;

/// <summary>The web dashboard on the dashboard's listener beside `/api` (docs/dashboard.md): Razor components rendered
/// on the server per request, one `MapXxxPages()` per resource, the assets, and `/` sending people to the trees.</summary>
internal static class WebPages
{
    private const string ForeverCache = "public, max-age=31536000, immutable";

    public static void MapWebPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/static/{name}", Asset).ExcludeFromDescription();
        var pages = app.MapGroup("").AddEndpointFilter<PageErrorFilter>().ExcludeFromDescription();
        pages.MapGet("/", () => TypedResults.Redirect("/tree"));
        pages.MapTreePages();
        pages.MapSearchPages();
        pages.MapComparePages();
        pages.MapMetricsPages();
        pages.MapBuildPages();
        pages.MapTestPages();
        pages.MapStubPages();
    }

    private static IResult Asset(string name, StaticAssets assets, HttpContext http)
    {
        if (assets.Find(name) is not { } asset)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.CacheControl = ForeverCache;
        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    // Pages linked from the ones above and written in later sessions (issue 17): they say so, with the API's answer.
    private static void MapStubPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/hardware", () => Stub("Hardware", "Hardware", "/api/hardware"));
        pages.MapGet("/issues", () => Stub("Issues", "Issues", "/api/issue"));
        pages.MapGet("/issue/{id}", (string id) => Stub("Issue " + id, "Issues", "/api/issue/" + Uri.EscapeDataString(id)));
        // Upstream's short forms for emails (kernelci/dashboard:dashboard/src/routes/_main/(alternatives)).
        pages.MapGet("/b/{id}", (string id) => TypedResults.Redirect("/build/" + Uri.EscapeDataString(id)));
        pages.MapGet("/t/{id}", (string id) => TypedResults.Redirect("/test/" + Uri.EscapeDataString(id)));
        pages.MapGet("/i/{id}", (string id) => TypedResults.Redirect("/issue/" + Uri.EscapeDataString(id)));
        pages.MapGet("/i", () => TypedResults.Redirect("/issues"));
    }

    private static RazorComponentResult<StubPage> Stub(string title, string? section, string? apiUrl) =>
        new(new { Title = title, Section = section, ApiUrl = apiUrl });
}
