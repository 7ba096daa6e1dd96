using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KernelCI.Kcidb.Queries;

/// <summary>GET /api/{checkouts,builds,tests,issues,incidents}: equality filters, a time range on start_time, keyset pages.</summary>
internal static class ListEndpoint
{
    /// <exception cref="BadParameterException">Answered by <see cref="KcidbErrorFilter"/>.</exception>
    public static async Task<Results<Ok<Page>, ProblemHttpResult>> ListAsync(
        ListSpec spec, HttpRequest request, KcidbListQuery lists, CancellationToken cancellationToken) =>
        TypedResults.Ok(await lists.ListAsync(Parse(spec, request.Query), cancellationToken));

    private static ListRequest Parse(ListSpec spec, IQueryCollection query)
    {
        string[] paging = spec.HasTimeRange ? ["limit", "cursor", "since", "until"] : ["limit", "cursor"];
        QueryParameters.RejectUnknown(query, [.. spec.Filters.Select(f => f.Parameter), .. paging]);
        var filters = new List<(ListFilter, string)>();
        foreach (var filter in spec.Filters)
        {
            if (QueryParameters.Single(query, filter.Parameter) is not { } value)
            {
                continue;
            }

            if (filter.Allowed is not null && !filter.Allowed.Contains(value))
            {
                throw new BadParameterException(filter.Parameter, $"'{value}' is not one of {string.Join(", ", filter.Allowed)}");
            }

            filters.Add((filter, value));
        }

        PageCursor? cursor = null;
        if (QueryParameters.Single(query, "cursor") is { } text)
        {
            cursor = PageCursor.TryDecode(text) ?? throw new BadParameterException("cursor", "not a cursor this endpoint returned");
        }

        return new ListRequest(spec, filters, QueryParameters.Time(query, "since"), QueryParameters.Time(query, "until"),
            QueryParameters.Limit(query), cursor);
    }
}
