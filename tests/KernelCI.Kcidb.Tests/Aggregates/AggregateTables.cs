using KernelCI.Data;
using KernelCI.Kcidb.Aggregates;

namespace KernelCI.Kcidb.Tests.Aggregates;

/// <summary>Reads the dashboard's aggregate tables as sorted lines, and checks them against a full recomputation.</summary>
internal static class AggregateTables
{
    private static readonly (string Table, string Columns)[] Tables =
    [
        ("dash_build_tests", "build_id, origin, is_boot, path_group, platform, compatibles, lab, status, n"),
        ("dash_checkout_status", "checkout_id, kind, status, n"),
        ("dash_hardware_status", "platform, compatibles, checkout_id, origin, kind, status, n"),
        ("dash_issue_first", "issue_id, incident_id, issue_version, first_seen, checkout_id"),
        ("dash_issue_trees", "issue_id, issue_version"),
    ];

    public static async Task<List<string>> SnapshotAsync(Database database)
    {
        var lines = new List<string>();
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        foreach (var (table, columns) in Tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {columns} FROM {table}";
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                var values = Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                lines.Add(table + "|" + string.Join("|", values));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>The incremental tables equal what <see cref="AggregateRecompute"/> computes from the committed rows.</summary>
    public static async Task AssertExactAsync(Database database)
    {
        var incremental = await SnapshotAsync(database);
        await AggregateRecompute.RecomputeAllAsync(database, TestContext.Current.CancellationToken);
        var recomputed = await SnapshotAsync(database);
        Assert.Equal(recomputed, incremental);
    }

    /// <summary>One row's count, 0 when the row is absent; <paramref name="where"/> selects it.</summary>
    public static async Task<long> CountAsync(Database database, string table, string where)
    {
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(SUM(n), 0) FROM {table} WHERE {where}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How many rows the table holds for this condition (a row at 0 would count).</summary>
    public static async Task<long> RowsAsync(Database database, string table, string where)
    {
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {where}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
