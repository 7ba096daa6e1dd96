using System.Data.Common;
using KernelCI.Data;
using KernelCI.Kcidb.Aggregates;
using KernelCI.Kcidb.Queries;

namespace KernelCI.Dashboard.Data;

/// <summary>KCIDB's database as the dashboard reads it: connections, and the SQL that differs between SQLite and
/// PostgreSQL (KCIDB's own <see cref="QuerySql"/> for its columns, <see cref="DashboardSql"/> for the rest).</summary>
internal sealed class DashboardDb(Database database)
{
    public Database Database { get; } = database;

    public DatabaseKind Kind => Database.Kind;

    public QuerySql Kcidb { get; } = QuerySql.For(database);

    public DashboardSql Sql { get; } = database.Kind == DatabaseKind.Sqlite ? new SqliteDashboardSql() : new PostgreSqlDashboardSql();

    public TestDimensions Tests { get; } = database.Kind == DatabaseKind.Sqlite ? TestDimensions.Sqlite : TestDimensions.PostgreSql;

    public ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => Database.OpenConnectionAsync(cancellationToken);
}
