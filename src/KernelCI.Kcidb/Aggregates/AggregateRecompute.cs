using KernelCI.Data;

namespace KernelCI.Kcidb.Aggregates;

/// <summary>The aggregates computed from scratch from the raw rows: their definition. Ingestion keeps them up to date
/// incrementally (<see cref="AggregateMaintenance"/>); tests compare the two, and <see cref="RecomputeAllAsync"/>
/// rebuilds them after a restore or a time with <c>Kcidb:DashboardAggregates</c> off.</summary>
public static class AggregateRecompute
{
    // Upstream's dashboard leaves builds whose id starts with this out of every count (dashboard.md §1.1).
    internal const string DummyBuildPrefix = "maestro:dummy_";

    /// <summary>A condition that the build id in <paramref name="idColumn"/> is not a dummy's, in either database.</summary>
    internal static string NotDummy(string idColumn) => $"substr({idColumn}, 1, {DummyBuildPrefix.Length}) <> '{DummyBuildPrefix}'";

    public static async Task RecomputeAllAsync(Database database, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            // On PostgreSQL, after the ingesters' lock: a batch committing mid-way is then neither lost nor counted twice.
            command.CommandText = database.Kind == DatabaseKind.PostgreSql
                ? PostgreSqlAggregateCapture.LockSql + ";\n" + Sql(database.Kind) + "\n" + IssueAggregate.RecomputeSql(database.Kind)
                    + "\n" + IssueListingStamp.SetSql(database.Kind) + ";"
                : Sql(database.Kind) + "\n" + IssueAggregate.RecomputeSql(database.Kind) + "\n" + IssueListingStamp.SetSql(database.Kind) + ";";
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    internal static string Sql(DatabaseKind kind)
    {
        var test = kind == DatabaseKind.Sqlite ? TestDimensions.Sqlite : TestDimensions.PostgreSql;
        var buildStatus = kind == DatabaseKind.Sqlite ? "COALESCE(b.status, 'NULL')" : "COALESCE(b.status::text, 'NULL')";
        var notDummy = NotDummy("b.id");
        return $"""
            DELETE FROM dash_build_tests;
            DELETE FROM dash_checkout_status;
            DELETE FROM dash_hardware_status;

            INSERT INTO dash_build_tests (build_id, origin, is_boot, path_group, platform, compatibles, lab, status, n)
            SELECT build_id, origin, is_boot, path_group, platform, compatibles, lab, status, COUNT(*)
            FROM (SELECT t.build_id, t.origin, {test.Select} FROM tests t) AS d
            GROUP BY build_id, origin, is_boot, path_group, platform, compatibles, lab, status;

            INSERT INTO dash_checkout_status (checkout_id, kind, status, n)
            SELECT b.checkout_id, 'build', {buildStatus}, COUNT(*)
            FROM builds b WHERE {notDummy}
            GROUP BY b.checkout_id, {buildStatus};

            INSERT INTO dash_checkout_status (checkout_id, kind, status, n)
            SELECT b.checkout_id, CASE WHEN r.is_boot = 1 THEN 'boot' ELSE 'test' END, r.status, SUM(r.n)
            FROM dash_build_tests r JOIN builds b ON b.id = r.build_id
            GROUP BY b.checkout_id, r.is_boot, r.status;

            INSERT INTO dash_hardware_status (platform, compatibles, checkout_id, origin, kind, status, n)
            SELECT r.platform, r.compatibles, b.checkout_id, r.origin, CASE WHEN r.is_boot = 1 THEN 'boot' ELSE 'test' END, r.status, SUM(r.n)
            FROM dash_build_tests r JOIN builds b ON b.id = r.build_id
            WHERE r.platform <> '' OR r.compatibles <> ''
            GROUP BY r.platform, r.compatibles, b.checkout_id, r.origin, r.is_boot, r.status;

            INSERT INTO dash_hardware_status (platform, compatibles, checkout_id, origin, kind, status, n)
            SELECT platform, compatibles, checkout_id, origin, 'build', status, COUNT(*)
            FROM (SELECT DISTINCT r.platform, r.compatibles, b.checkout_id, r.origin, b.id, {buildStatus} AS status
                  FROM dash_build_tests r JOIN builds b ON b.id = r.build_id
                  WHERE (r.platform <> '' OR r.compatibles <> '') AND {notDummy}) AS hb
            GROUP BY platform, compatibles, checkout_id, origin, status;
            """;
    }
}
