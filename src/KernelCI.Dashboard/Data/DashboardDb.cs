using System.Data.Common;
using KernelCI.Data;
using KernelCI.Kcidb.Aggregates;
using KernelCI.Kcidb.Queries;
using Npgsql;

namespace KernelCI.Dashboard.Data;

/// <summary>KCIDB's database as the dashboard reads it: connections, and the SQL that differs between SQLite and
/// PostgreSQL (KCIDB's own <see cref="QuerySql"/> for its columns, <see cref="DashboardSql"/> for the rest).
/// <para>On PostgreSQL the dashboard reads through a data source of its own whose sessions start with JIT off: its
/// statements are short index reads whose estimated cost can still pass jit_above_cost, and compiling them cost more
/// than running them (35 ms for the issue listing; hardware details 58 → 45 ms p50 on 2,000,000 tests;
/// docs/dashboard-api.md, "Where we differ from upstream"). KCIDB's ingestion keeps the server's setting.</para></summary>
internal sealed class DashboardDb(Database database) : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres = database.Kind == DatabaseKind.PostgreSql
        ? new NpgsqlDataSourceBuilder(WithoutJit(database.ConnectionString)).Build()
        : null;

    public Database Database { get; } = database;

    public DatabaseKind Kind => Database.Kind;

    public QuerySql Kcidb { get; } = QuerySql.For(database);

    public DashboardSql Sql { get; } = database.Kind == DatabaseKind.Sqlite ? new SqliteDashboardSql() : new PostgreSqlDashboardSql();

    public TestDimensions Tests { get; } = database.Kind == DatabaseKind.Sqlite ? TestDimensions.Sqlite : TestDimensions.PostgreSql;

    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => _postgres is null
        ? await Database.OpenConnectionAsync(cancellationToken)
        : await _postgres.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;

    // Startup options are the session's defaults, so the DISCARD ALL of a pooled connection's reset keeps them.
    private static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : builder.Options + " -c jit=off";
        return builder.ConnectionString;
    }
}
