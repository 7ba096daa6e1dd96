using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Search;

/// <summary>`search`: ours, not upstream's (dashboard.md §9 lists global search among what users miss); docs/dashboard-api.md, "Search".</summary>
internal static class SearchApi
{
    public const int DefaultLimit = 20;

    public const int MaxLimit = 100;

    public static RouteGroupBuilder MapSearch(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync)
            .WithSummary("Checkouts by hash, tag or describe; builds, tests and issues by id; trees by name; test paths by prefix");
        return api;
    }

    private static async Task<IResult> SearchAsync(HttpContext http, DashboardDb db, DashboardOptions options, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var text = QueryValues.Optional(query, "q")?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new BadParameterException("q", "is required");
        }

        if (text.Length > SearchTerms.MaxLength)
        {
            throw new BadParameterException("q", $"at most {SearchTerms.MaxLength} characters");
        }

        var limit = QueryValues.Int(query, "limit", DefaultLimit, 1, MaxLimit);
        var hits = await SearchStore.FindAsync(db, DashboardLinks.For(http, options), SearchTerms.From(text), limit, cancellationToken);
        return TypedResults.Ok(new SearchReply(text, hits));
    }
}
