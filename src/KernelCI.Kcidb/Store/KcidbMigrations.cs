using KernelCI.Data;
using KernelCI.Kcidb.Aggregates;

namespace KernelCI.Kcidb.Store;

public static class KcidbMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new("kcidb", 1, "kcidb schema 5.3",
            KcidbSqliteSchema.Tables + KcidbSqliteSchema.Indexes,
            KcidbPostgreSqlSchema.Functions + KcidbPostgreSqlSchema.Tables + KcidbPostgreSqlIndexes.Upstream
                + KcidbPostgreSqlIndexes.Queries + KcidbPostgreSqlIndexes.Submissions),
        new("kcidb", 2, "sqlite: tests path index without the id", KcidbSqliteSchema.PathIndexWithoutId, "SELECT 1"),
        new("kcidb", 3, "sqlite: views with upstream's ISO-8601 timestamps and column names", KcidbSqliteIsoViews.Views, "SELECT 1"),
        // Computed from the rows already there, so a data folder from before them gets them complete.
        new("kcidb", 4, "the dashboard's aggregates",
            DashboardAggregateSchema.Sqlite + AggregateRecompute.Sql(DatabaseKind.Sqlite),
            DashboardAggregateSchema.PostgreSql + AggregateRecompute.Sql(DatabaseKind.PostgreSql)),
        // 5 and 6 are other dashboard helpers' (issue 16).
        new("kcidb", 7, "the dashboard search's indexes", KcidbSearchIndexes.Sqlite, KcidbSearchIndexes.PostgreSql),
        new("kcidb", 8, "the dashboard's issue listing aggregates",
            IssueAggregateSchema.Sqlite + IssueAggregate.RecomputeSql(DatabaseKind.Sqlite),
            IssueAggregateSchema.PostgreSql + IssueAggregate.RecomputeSql(DatabaseKind.PostgreSql)),
        new("kcidb", 9, "the dashboard status history's builds index", KcidbStatusHistoryIndexes.Both, KcidbStatusHistoryIndexes.Both),
        new("kcidb", 10, "the regression tracker's tables", Regressions.RegressionSchema.Sqlite, Regressions.RegressionSchema.PostgreSql),
        new("kcidb", 11, "known issues' matchers and the result triage cursor", KnownIssues.KnownIssueSchema.Sqlite, KnownIssues.KnownIssueSchema.PostgreSql),
        new("kcidb", 12, "the regression change feed and culprits",
            Regressions.Feed.RegressionFeedSchema.Sqlite, Regressions.Feed.RegressionFeedSchema.PostgreSql),
        new("kcidb", 13, "known issues' matchers of failed builds", KnownIssues.KnownIssueSchema.BuildMatchers, KnownIssues.KnownIssueSchema.BuildMatchers),
        new("kcidb", 14, "the files a regression's culprit commit touches", Regressions.Feed.RegressionFeedSchema.CulpritFiles,
            Regressions.Feed.RegressionFeedSchema.CulpritFiles),
        new("kcidb", 15, "the issue listing's change stamp", IssueListingStamp.SchemaSql(DatabaseKind.Sqlite), IssueListingStamp.SchemaSql(DatabaseKind.PostgreSql)),
    ];
}
