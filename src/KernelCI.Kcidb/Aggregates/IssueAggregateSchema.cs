namespace KernelCI.Kcidb.Aggregates;

/// <summary>The issue listing's aggregates (docs/dashboard-api.md, "Aggregates"), kept by ingestion with
/// <see cref="IssueAggregate"/>:
/// <list type="bullet">
/// <item><c>dash_issue_first</c>: per issue with incidents, its first incident (lowest version, earliest
/// <c>_timestamp</c>, lowest id, as the listing has always chosen it), that incident's version and time, and the
/// checkout it reaches through its build or its test's build (null when that build is not stored). The checkout's
/// own fields are read from <c>checkouts</c> by the listing, so a checkout that changes needs no upkeep here.</item>
/// <item><c>dash_issue_trees</c>: the issue versions with an incident that reaches a checkout with a tree name and a
/// branch. A version that reaches none has no row.</item>
/// </list>
/// SQLite also gets the index on <c>issues (_timestamp)</c> that PostgreSQL's schema already has: the listing's window.</summary>
internal static class IssueAggregateSchema
{
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS dash_issue_first (
            issue_id TEXT NOT NULL PRIMARY KEY,
            incident_id TEXT NOT NULL,
            issue_version INTEGER NOT NULL,
            first_seen INTEGER,
            checkout_id TEXT
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS dash_issue_trees (
            issue_id TEXT NOT NULL,
            issue_version INTEGER NOT NULL,
            PRIMARY KEY (issue_id, issue_version)
        ) WITHOUT ROWID;

        CREATE INDEX IF NOT EXISTS issues__timestamp ON issues (_timestamp);
        """;

    public const string PostgreSql = """
        CREATE TABLE IF NOT EXISTS dash_issue_first (
            issue_id TEXT NOT NULL PRIMARY KEY,
            incident_id TEXT NOT NULL,
            issue_version BIGINT NOT NULL,
            first_seen TIMESTAMPTZ,
            checkout_id TEXT
        );

        CREATE TABLE IF NOT EXISTS dash_issue_trees (
            issue_id TEXT NOT NULL,
            issue_version BIGINT NOT NULL,
            PRIMARY KEY (issue_id, issue_version)
        );
        """;
}
