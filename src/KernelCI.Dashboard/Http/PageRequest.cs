using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Http;

/// <summary>Our server-side paging on upstream's list endpoints (docs/dashboard-api.md, "Paging"): `limit`, `cursor`
/// and `sort` (a field, `-field` for descending). Without any of them an endpoint answers its whole list, as upstream.
/// The cursor is opaque to clients: the last item's sort value and id, so pages stay stable while rows arrive.</summary>
internal sealed record PageRequest(int? Limit, string? Sort, bool Descending, PageCursor? After)
{
    public const int MaxLimit = 10_000;

    public const string NextCursorHeader = "X-Next-Cursor";

    public static PageRequest None { get; } = new(null, null, false, null);

    public bool IsPaged => Limit is not null || After is not null || Sort is not null;

    public static PageRequest From(IQueryCollection query, IReadOnlyCollection<string> sortable)
    {
        var limit = QueryValues.Optional(query, "limit") is null ? (int?)null : QueryValues.Int(query, "limit", 0, 1, MaxLimit);
        var sort = QueryValues.Optional(query, "sort");
        var descending = sort is not null && sort.StartsWith('-');
        var field = descending ? sort![1..] : sort;
        if (field is not null && !sortable.Contains(field))
        {
            throw new BadParameterException("sort", "must be one of " + string.Join(", ", sortable) + ", with - for descending");
        }

        var cursor = QueryValues.Optional(query, "cursor") is { } text ? PageCursor.Decode(text) : null;
        return new PageRequest(limit ?? (cursor is not null || field is not null ? 100 : null), field, descending, cursor);
    }
}
