using KernelCI.Data;
using KernelCI.Kcidb.Aggregates;
using KernelCI.Kcidb.Tests.Store;

namespace KernelCI.Kcidb.Tests.Aggregates;

/// <summary>A batch's aggregate upkeep costs what the batch changed, not the size of the database: on SQLite, which has
/// no statistics for the capture tables, every join is driven by the capture and reaches builds and dash_build_tests
/// by their keys (docs/dashboard-api.md, "Aggregates").</summary>
public sealed class AggregatePlanTests
{
    [Fact]
    public async Task Sqlite_upkeep_never_scans_builds_or_dash_build_tests()
    {
        await using var context = await StoreContext.CreateAsync(DatabaseKind.Sqlite);
        await using var connection = await context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = SqliteAggregateCapture.CreateSql;
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var statements = AggregateMaintenance.AfterWriteSql(DatabaseKind.Sqlite)
            .Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(statements);
        foreach (var statement in statements)
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + statement;
            await using var reader = await explain.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                var detail = reader.GetString(3);
                // In the upkeep, b is always builds and t always dash_build_tests; r is dash_build_tests where v (a
                // batch's builds) joins it, else the capture kcidb_agg_dbt, which may be scanned.
                var scansBuilds = detail == "SCAN b" || detail.StartsWith("SCAN b USING", StringComparison.Ordinal);
                var scansBuildTests = detail == "SCAN t"
                    || ((detail == "SCAN r" || detail.StartsWith("SCAN r USING", StringComparison.Ordinal)) && statement.Contains("dash_build_tests r", StringComparison.Ordinal));
                Assert.False(scansBuilds || scansBuildTests, $"{detail} in:\n{statement}");
            }
        }
    }
}
