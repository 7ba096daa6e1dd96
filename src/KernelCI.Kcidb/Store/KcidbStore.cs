using KernelCI.Data;

namespace KernelCI.Kcidb.Store;

public static class KcidbStore
{
    /// <summary>The store for the deployment's database; the schema must have been migrated (<see cref="KcidbMigrations"/>).
    /// With <paramref name="dashboardAggregates"/> (<c>Kcidb:DashboardAggregates</c>), every ingestion transaction also
    /// keeps the dashboard's aggregates exact (docs/dashboard-api.md, "Aggregates").</summary>
    public static IKcidbStore Create(Database database, TimeProvider timeProvider, bool dashboardAggregates = true) =>
        database.Kind == DatabaseKind.Sqlite
            ? new SqliteKcidbStore(database, timeProvider, dashboardAggregates)
            : new PostgreSqlKcidbStore(database, timeProvider, dashboardAggregates);
}
