using System.Data.Common;
using KernelCI.Dashboard.Data;

namespace KernelCI.Dashboard.Search;

/// <summary>Builds, tests and issues by id through their primary keys (exact, or a prefix as a range of the key), and test
/// paths by prefix through the tests path index.</summary>
internal static class ItemLookups
{
    public static Task<List<SearchHit>> BuildsAsync(SearchQuery query, string id, bool prefix, CancellationToken cancellationToken) =>
        ByIdAsync(query, "SELECT id, origin, start_time, config_name, architecture FROM builds", id, prefix, r =>
        {
            var title = string.Join(' ', new[] { SearchQuery.Text(r, 4), SearchQuery.Text(r, 3) }.OfType<string>());
            return ("build", title.Length == 0 ? r.GetString(0) : title, query.Links.Build(r.GetString(0)));
        }, cancellationToken);

    public static Task<List<SearchHit>> TestsAsync(SearchQuery query, string id, bool prefix, CancellationToken cancellationToken) =>
        ByIdAsync(query, "SELECT id, origin, start_time, path FROM tests", id, prefix,
            r => ("test", SearchQuery.Text(r, 3) ?? r.GetString(0), query.Links.Test(r.GetString(0))), cancellationToken);

    // Every version of an issue shares its id: the newest version (last in the key's order) names the hit.
    public static async Task<List<SearchHit>> IssuesAsync(SearchQuery query, string id, bool prefix, CancellationToken cancellationToken)
    {
        var hits = await ByIdAsync(query, "SELECT id, origin, _timestamp, comment, report_subject, version FROM issues", id, prefix,
            r => ("issue", SearchQuery.Text(r, 3) ?? SearchQuery.Text(r, 4) ?? r.GetString(0), query.Links.Issue(r.GetString(0))),
            cancellationToken, order: "id, version");
        return hits.GroupBy(h => h.Id).Select(g => g.Last()).ToList();
    }

    /// <summary>Distinct paths by a loose index scan (one seek per path), each with its newest test.</summary>
    public static async Task<List<SearchHit>> PathsAsync(SearchQuery query, string text, CancellationToken cancellationToken)
    {
        var newest = query.Db.Kcidb.NewestFirst("t.start_time");
        var sql = $"""
            WITH RECURSIVE paths(path, n) AS (
                SELECT (SELECT path FROM tests WHERE path >= @from AND path < @until ORDER BY path LIMIT 1), 1
                UNION ALL
                SELECT (SELECT path FROM tests WHERE path > paths.path AND path < @until ORDER BY path LIMIT 1), n + 1
                FROM paths WHERE paths.path IS NOT NULL AND n < @limit
            )
            SELECT paths.path,
                (SELECT t.id FROM tests t WHERE t.path = paths.path ORDER BY {newest} LIMIT 1),
                (SELECT t.start_time FROM tests t WHERE t.path = paths.path ORDER BY {newest} LIMIT 1)
            FROM paths WHERE paths.path IS NOT NULL
            """;
        return await query.ReadAsync(sql, c => SearchQuery.Range(c, Prefix.Of(text)), r =>
        {
            var path = r.GetString(0);
            var (rank, match) = SearchQuery.Rank(false, path, text);
            var time = query.Db.Sql.ReadTime(r, 2);
            return new SearchHit("test_path", path, path, query.Links.Test(r.GetString(1)), "path", match, null, DashboardSql.FormatTime(time))
            {
                Rank = rank, Time = time,
            };
        }, cancellationToken);
    }

    private static Task<List<SearchHit>> ByIdAsync(SearchQuery query, string select, string id, bool prefix,
        Func<DbDataReader, (string Kind, string Title, string Url)> describe, CancellationToken cancellationToken, string order = "id")
    {
        var where = prefix ? "id >= @from AND id < @until" : "id = @from";
        return query.ReadAsync($"{select} WHERE {where} ORDER BY {order} LIMIT @limit",
            c => SearchQuery.Range(c, prefix ? Prefix.Of(id) : new Prefix(id, id)), r =>
            {
                var found = r.GetString(0);
                if (!found.StartsWith(id, StringComparison.Ordinal))
                {
                    return null;
                }

                var (kind, title, url) = describe(r);
                var (rank, match) = SearchQuery.Rank(true, found, id);
                var time = query.Db.Sql.ReadTime(r, 2);
                return new SearchHit(kind, found, title, url, "id", match, r.GetString(1), DashboardSql.FormatTime(time))
                {
                    Rank = rank, Time = time,
                };
            }, cancellationToken);
    }
}
