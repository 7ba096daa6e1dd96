using KernelCI.Dashboard.Http;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Web.Shared;

/// <summary>Paging for pages: always paged, <see cref="DefaultLimit"/> rows unless `limit` says otherwise (the API's
/// own default with a sort or a cursor is 100, which would make a page's second page five times its first).</summary>
internal static class PagePaging
{
    public const int DefaultLimit = 20;

    /// <summary>The page asked for; without `sort`, <paramref name="defaultSort"/> (newest first when
    /// <paramref name="newestFirst"/>).</summary>
    public static PageRequest From(IQueryCollection query, IReadOnlyCollection<string> sortable, string? defaultSort, bool newestFirst = false)
    {
        var page = PageRequest.From(query, sortable);
        return page with
        {
            Limit = QueryValues.Optional(query, "limit") is null ? DefaultLimit : page.Limit,
            Sort = page.Sort ?? defaultSort,
            Descending = page.Sort is null ? newestFirst : page.Descending,
        };
    }
}
