using KernelCI.Dashboard.Web.Compare;
using KernelCI.Dashboard.Web.Metrics;
using KernelCI.Dashboard.Web.Builds;
using KernelCI.Dashboard.Web.Hardware;
using KernelCI.Dashboard.Web.Issues;
using KernelCI.Dashboard.Web.Labs;
using KernelCI.Dashboard.Web.Live;
using KernelCI.Dashboard.Web.Logs;
using KernelCI.Dashboard.Web.Search;
using KernelCI.Dashboard.Web.Shared;
using KernelCI.Dashboard.Web.Subscribe;
using KernelCI.Dashboard.Web.TestResults;
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
        pages.MapHardwarePages();
        pages.MapIssuePages();
        pages.MapLabPages();
        pages.MapLivePages();
        pages.MapLogPages();
        pages.MapSubscribePages();
        pages.MapAliases();
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

    // Upstream's short forms for emails (kernelci/dashboard:dashboard/src/routes/_main/(alternatives)).
    private static void MapAliases(this RouteGroupBuilder pages)
    {
        pages.MapGet("/b/{id}", (string id) => TypedResults.Redirect("/build/" + Uri.EscapeDataString(id)));
        pages.MapGet("/t/{id}", (string id) => TypedResults.Redirect("/test/" + Uri.EscapeDataString(id)));
        pages.MapGet("/i/{id}", (string id) => TypedResults.Redirect("/issue/" + Uri.EscapeDataString(id)));
        pages.MapGet("/i", () => TypedResults.Redirect("/issues"));
    }
}
