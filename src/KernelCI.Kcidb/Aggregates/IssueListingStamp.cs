using KernelCI.Data;

namespace KernelCI.Kcidb.Aggregates;

/// <summary>
/// The issue listing's change stamp (KCIDB migration 15; docs/dashboard-api.md, "GET issue/", "The listing's cache"):
/// one row of <c>kcidb_change_stamps</c> that every ingestion batch which may change what the listing shows sets to a
/// new random value, in the batch's own transaction. The listing reads it before its rows, so an answer computed
/// after reading a stamp is never older than that stamp, and a cache kept while the stamp is unchanged is exact in
/// every replica on the database.
/// <para>What the listing shows is the window's <c>issues</c>, each issue's <c>dash_issue_first</c> row and that
/// incident's checkout, and <c>dash_issue_trees</c>. A batch changes them only if it writes issues, recomputes the
/// issue aggregates for some issue (<c>kcidb_agg_issues</c>, <see cref="IssueAggregate"/>: its incidents, tests with
/// incidents, builds reaching them) or writes a checkout some first incident reaches. A random value rather than a
/// counter: a database restored to an earlier state cannot then repeat a stamp the caches saw with other rows.</para>
/// <para>It is kept with the aggregates (<c>Kcidb:DashboardAggregates</c>): on PostgreSQL after the ingesters' advisory
/// lock, which already orders the batches' aggregate upkeep, so the one hot row adds no waiting; SQLite has one writer.
/// <see cref="AggregateRecompute.RecomputeAllAsync"/> sets it too.</para>
/// </summary>
internal static class IssueListingStamp
{
    public const string Name = "issue_listing";

    public const string ReadSql = "SELECT stamp FROM kcidb_change_stamps WHERE name = 'issue_listing'";

    /// <summary>Migration 15: the stamps' table with its one row, and the index the checkout condition probes
    /// (<c>dash_issue_first</c> has one row per issue with incidents).</summary>
    public static string SchemaSql(DatabaseKind kind) => $"""
        CREATE TABLE IF NOT EXISTS kcidb_change_stamps (
            name TEXT NOT NULL PRIMARY KEY,
            stamp {(kind == DatabaseKind.Sqlite ? "INTEGER" : "BIGINT")} NOT NULL
        );
        INSERT INTO kcidb_change_stamps (name, stamp) VALUES ('{Name}', {Random(kind)}) ON CONFLICT (name) DO NOTHING;
        CREATE INDEX IF NOT EXISTS dash_issue_first_checkout_id ON dash_issue_first (checkout_id);
        """;

    /// <summary>A new stamp whatever the batch did (the recomputation of every aggregate).</summary>
    public static string SetSql(DatabaseKind kind) => $"UPDATE kcidb_change_stamps SET stamp = {Random(kind)} WHERE name = '{Name}'";

    /// <summary>SQLite, after the issue aggregates' upkeep and before the capture is cleared (<c>@checkouts</c>: the
    /// batch's checkout ids as a JSON array). With <paramref name="writesIssues"/> the stamp is set unconditionally.</summary>
    public static string SqliteBatchSql(bool writesIssues) => writesIssues ? SetSql(DatabaseKind.Sqlite) : $"""
        {SetSql(DatabaseKind.Sqlite)}
            AND (EXISTS (SELECT 1 FROM kcidb_agg_issues)
                OR EXISTS (SELECT 1 FROM json_each(@checkouts) j CROSS JOIN dash_issue_first f ON f.checkout_id = j.value))
        """;

    /// <summary>PostgreSQL, after the aggregates' upkeep (under the ingesters' lock). <paramref name="checkoutStaging"/>
    /// is the staged checkouts' table when the batch has checkouts.</summary>
    public static string PostgreSqlBatchSql(bool writesIssues, string? checkoutStaging)
    {
        if (writesIssues)
        {
            return SetSql(DatabaseKind.PostgreSql);
        }

        var checkouts = checkoutStaging is null ? ""
            : $"\n        OR EXISTS (SELECT 1 FROM dash_issue_first f WHERE f.checkout_id = ANY(ARRAY(SELECT s.id FROM {checkoutStaging} s)))";
        return $"{SetSql(DatabaseKind.PostgreSql)}\n    AND (EXISTS (SELECT 1 FROM kcidb_agg_issues){checkouts})";
    }

    // SQLite's random() is 64 random bits; PostgreSQL's random() a double with 52, spread over the positive range.
    private static string Random(DatabaseKind kind) => kind == DatabaseKind.Sqlite
        ? "random()"
        : "CAST(floor(random() * 9007199254740992) AS BIGINT) * 1024 + CAST(floor(random() * 1024) AS BIGINT)";
}
