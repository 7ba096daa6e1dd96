using KernelCI.Data;

namespace KernelCI.Kcidb.Store;

public static class KcidbStore
{
    /// <summary>The store for the deployment's database; the schema must have been migrated (<see cref="KcidbMigrations"/>).</summary>
    public static IKcidbStore Create(Database database, TimeProvider timeProvider) => database.Kind == DatabaseKind.Sqlite
        ? new SqliteKcidbStore(database, timeProvider)
        : new PostgreSqlKcidbStore(database, timeProvider);
}
