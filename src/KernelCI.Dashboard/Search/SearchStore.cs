using KernelCI.Dashboard.Data;

namespace KernelCI.Dashboard.Search;

/// <summary>Runs every lookup a query calls for on one connection and ranks what they find: exact ids and hashes, then
/// id and hash prefixes, then exact names (tag, describe, tree, path), then name prefixes; newest first within a rank.
/// Each lookup reads at most `limit` matches in its index's order.</summary>
internal static class SearchStore
{
    public static async Task<IReadOnlyList<SearchHit>> FindAsync(DashboardDb db, DashboardLinks links, SearchTerms terms, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var query = new SearchQuery(db, connection, links, limit);
        var hits = new List<SearchHit>();
        if (terms.Hash is { } hash)
        {
            hits.AddRange(await CheckoutLookups.ByHashAsync(query, hash, cancellationToken));
        }

        hits.AddRange(await CheckoutLookups.ByTagAsync(query, terms.Text, cancellationToken));
        hits.AddRange(await CheckoutLookups.ByDescribeAsync(query, terms.Text, cancellationToken));
        hits.AddRange(await CheckoutLookups.TreesAsync(query, terms.Text, cancellationToken));
        foreach (var id in terms.Ids)
        {
            hits.AddRange(await CheckoutLookups.ByIdAsync(query, id, terms.IdPrefixes, cancellationToken));
            hits.AddRange(await ItemLookups.BuildsAsync(query, id, terms.IdPrefixes, cancellationToken));
            hits.AddRange(await ItemLookups.TestsAsync(query, id, terms.IdPrefixes, cancellationToken));
            hits.AddRange(await ItemLookups.IssuesAsync(query, id, terms.IdPrefixes, cancellationToken));
        }

        hits.AddRange(await ItemLookups.PathsAsync(query, terms.Text, cancellationToken));
        // A checkout found by its hash and by its describe, or an id found both as q and as maestro:q, is one hit: its best.
        return hits
            .OrderBy(h => h.Rank)
            .ThenByDescending(h => h.Time ?? DateTimeOffset.MinValue)
            .ThenBy(h => h.Kind, StringComparer.Ordinal)
            .ThenBy(h => h.Id, StringComparer.Ordinal)
            .DistinctBy(h => (h.Kind, h.Id))
            .Take(limit)
            .ToList();
    }
}
