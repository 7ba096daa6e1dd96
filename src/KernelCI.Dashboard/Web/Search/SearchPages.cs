using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Http;
using KernelCI.Dashboard.Search;
using KernelCI.Dashboard.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Web.Search;

/// <summary>`/search?q=`: the header's search box lands here; results through the API's SearchStore
/// (docs/dashboard-api.md, "Search"), linking to the pages at relative addresses.</summary>
internal static class SearchPages
{
    public static RouteGroupBuilder MapSearchPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/search", SearchAsync);
        return pages;
    }

    private static async Task<IResult> SearchAsync(HttpContext http, DashboardDb db, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var text = QueryValues.Optional(query, "q")?.Trim() ?? "";
        if (text.Length > SearchTerms.MaxLength)
        {
            throw new BadParameterException("q", $"at most {SearchTerms.MaxLength} characters");
        }

        var limit = QueryValues.Int(query, "limit", SearchApi.DefaultLimit, 1, SearchApi.MaxLimit);
        IReadOnlyList<SearchHit> hits = text.Length == 0 ? [] : await SearchStore.FindAsync(db, new DashboardLinks(""), SearchTerms.From(text), limit, cancellationToken);
        return PageResults.Page<SearchPage>(new SearchView(text,
            hits.Select(h => new SearchResultRow(h.Kind, h.Title, h.Url, h.Field, h.Match, h.StartTime)).ToList()));
    }
}
