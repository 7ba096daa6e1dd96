namespace KernelCI.Kcidb.Store;

/// <summary>The indexes the dashboard's search reads that lists never needed (docs/dashboard-api.md, "Search"): a
/// checkout by its git describe or by its tag. Both are range scans (`col >= @q AND col &lt; @next`) for a prefix; the tag
/// index orders checkouts by their first tag (a JSON text array on SQLite, a TEXT[] compared element-wise on
/// PostgreSQL). Checkouts are few, so these cost ingestion nothing measurable. Hashes, ids, tree names and test paths
/// already have theirs.</summary>
internal static class KcidbSearchIndexes
{
    public const string Sqlite = """
        CREATE INDEX IF NOT EXISTS checkouts_git_commit_name ON checkouts (git_commit_name);
        CREATE INDEX IF NOT EXISTS checkouts_git_commit_tags ON checkouts (git_commit_tags);
        """;

    // checkouts_git_commit_tags is upstream's GIN index (containment only), hence another name for the btree.
    public const string PostgreSql = """
        CREATE INDEX IF NOT EXISTS checkouts_git_commit_name ON checkouts (git_commit_name);
        CREATE INDEX IF NOT EXISTS checkouts_git_commit_tags_first ON checkouts (git_commit_tags);
        """;
}
