using System.Data.Common;
using System.Text.Json;
using KernelCI.Data;

namespace KernelCI.Dashboard.Search;

/// <summary>Checkouts by commit hash (checkouts_git_commit_hash_patchset_hash), git describe (checkouts_git_commit_name)
/// and first tag (checkouts_git_commit_tags / _first, KCIDB migration 7); trees by name (checkouts_tree_name*).</summary>
internal static class CheckoutLookups
{
    private const string Columns = "id, origin, tree_name, git_repository_branch, git_commit_hash, git_commit_name, git_commit_tags, start_time";

    public static async Task<List<SearchHit>> ByHashAsync(SearchQuery query, string hash, CancellationToken cancellationToken) =>
        await query.ReadAsync($"""
            SELECT {Columns} FROM checkouts WHERE git_commit_hash >= @from AND git_commit_hash < @until
            ORDER BY git_commit_hash LIMIT @limit
            """,
            c => SearchQuery.Range(c, Prefix.Of(hash)), r => Hit(query, r, "git_commit_hash", SearchQuery.Text(r, 4), hash, identifier: true),
            cancellationToken);

    // Not asked for by users so far, but a checkout's id is as cheap to look up as a build's (its primary key).
    public static async Task<List<SearchHit>> ByIdAsync(SearchQuery query, string id, bool prefix, CancellationToken cancellationToken) =>
        await query.ReadAsync($"SELECT {Columns} FROM checkouts WHERE {(prefix ? "id >= @from AND id < @until" : "id = @from")} ORDER BY id LIMIT @limit",
            c => SearchQuery.Range(c, prefix ? Prefix.Of(id) : new Prefix(id, id)), r => Hit(query, r, "id", r.GetString(0), id, identifier: true),
            cancellationToken);

    public static async Task<List<SearchHit>> ByDescribeAsync(SearchQuery query, string text, CancellationToken cancellationToken) =>
        await query.ReadAsync($"""
            SELECT {Columns} FROM checkouts WHERE git_commit_name >= @from AND git_commit_name < @until
            ORDER BY git_commit_name LIMIT @limit
            """,
            c => SearchQuery.Range(c, Prefix.Of(text)), r => Hit(query, r, "git_commit_name", SearchQuery.Text(r, 5), text, identifier: false),
            cancellationToken);

    // Tags are an array: the index orders checkouts by their first tag (a JSON text on SQLite, compared as text; a TEXT[]
    // compared element by element on PostgreSQL), so a range on it finds the checkouts whose first tag starts with q.
    public static async Task<List<SearchHit>> ByTagAsync(SearchQuery query, string text, CancellationToken cancellationToken)
    {
        var sqlite = query.Db.Kind == DatabaseKind.Sqlite;
        var prefix = sqlite ? Prefix.Of("[" + JsonSerializer.Serialize(text)[..^1]) : Prefix.Of(text);
        var range = sqlite
            ? "git_commit_tags >= @from AND git_commit_tags < @until"
            : "git_commit_tags >= ARRAY[@from]::TEXT[] AND git_commit_tags < ARRAY[@until]::TEXT[]";
        return await query.ReadAsync($"SELECT {Columns} FROM checkouts WHERE {range} ORDER BY git_commit_tags LIMIT @limit",
            c => SearchQuery.Range(c, prefix),
            r => Hit(query, r, "git_commit_tags", query.Db.Sql.ReadStrings(r, 6) is [var first, ..] ? first : null, text, identifier: false),
            cancellationToken);
    }

    public static async Task<List<SearchHit>> TreesAsync(SearchQuery query, string text, CancellationToken cancellationToken)
    {
        // The distinct names first, one index seek each (a loose index scan), so a one-letter q reads at most `limit`
        // trees' checkouts rather than every checkout of every tree it starts; then those trees' branches, as a list
        // parameter so that the planner looks each name up in the index.
        var names = await query.ReadTextsAsync("""
            WITH RECURSIVE names(name, n) AS (
                SELECT (SELECT tree_name FROM checkouts WHERE tree_name >= @from AND tree_name < @until ORDER BY tree_name LIMIT 1), 1
                UNION ALL
                SELECT (SELECT tree_name FROM checkouts WHERE tree_name > names.name AND tree_name < @until ORDER BY tree_name LIMIT 1), n + 1
                FROM names WHERE names.name IS NOT NULL AND n < @limit
            )
            SELECT name FROM names WHERE name IS NOT NULL
            """, c => SearchQuery.Range(c, Prefix.Of(text)), cancellationToken);
        if (names.Count == 0)
        {
            return [];
        }

        var sql = $"""
            SELECT tree_name, git_repository_branch, MAX(start_time) AS latest FROM checkouts
            WHERE {query.Db.Kcidb.InIds("tree_name", "names")}
            GROUP BY tree_name, git_repository_branch
            ORDER BY latest DESC, tree_name, git_repository_branch
            LIMIT @limit
            """;
        return await query.ReadAsync(sql, c => query.Db.Kcidb.AddIds(c, "names", names), r =>
        {
            var name = r.GetString(0);
            var branch = SearchQuery.Text(r, 1);
            var (rank, match) = SearchQuery.Rank(false, name, text);
            var time = query.Db.Sql.ReadTime(r, 2);
            var id = branch is null ? name : $"{name}/{branch}";
            return new SearchHit("tree", id, id, query.Links.Tree(name, branch, null), "tree_name", match, null, Data.DashboardSql.FormatTime(time))
            {
                Rank = rank, Time = time, TreeName = name, GitRepositoryBranch = branch,
            };
        }, cancellationToken);
    }

    private static SearchHit? Hit(SearchQuery query, DbDataReader r, string field, string? value, string text, bool identifier)
    {
        if (value is null || !value.StartsWith(text, StringComparison.Ordinal))
        {
            return null;
        }

        var (rank, match) = SearchQuery.Rank(identifier, value, text);
        var (tree, branch, hash, describe) = (SearchQuery.Text(r, 2), SearchQuery.Text(r, 3), SearchQuery.Text(r, 4), SearchQuery.Text(r, 5));
        var time = query.Db.Sql.ReadTime(r, 7);
        var title = $"{tree ?? "?"}/{branch ?? "?"} {describe ?? hash?[..Math.Min(12, hash.Length)] ?? r.GetString(0)}";
        return new SearchHit("checkout", r.GetString(0), title, query.Links.Tree(tree, branch, hash), field, match, r.GetString(1),
            Data.DashboardSql.FormatTime(time))
        {
            Rank = rank, Time = time, TreeName = tree, GitRepositoryBranch = branch, GitCommitHash = hash,
        };
    }
}
