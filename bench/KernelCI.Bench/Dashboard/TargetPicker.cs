using System.Data.Common;
using KernelCI.Bench.KcidbIngest;
using KernelCI.Bench.KcidbIngest.Dataset;

namespace KernelCI.Bench.Dashboard;

/// <summary>Reads the targets straight from the database once ingestion is done (not timed).</summary>
internal static class TargetPicker
{
    public static async Task<BenchTargets> PickAsync(DbConnection connection, BenchDatabase database, int count, CancellationToken cancellationToken)
    {
        var platformOf = database == BenchDatabase.PostgreSql ? "t.environment_misc->>'platform'" : "json_extract(t.environment_misc, '$.platform')";
        var checkouts = new List<CheckoutTarget>();
        foreach (var row in await RowsAsync(connection, $"""
            SELECT c.id, c.git_commit_hash, c.git_repository_url, c.git_repository_branch, c.tree_name, SUM(s.n) AS tests
            FROM checkouts c JOIN dash_checkout_status s ON s.checkout_id = c.id
            WHERE s.kind <> 'build'
            GROUP BY c.id, c.git_commit_hash, c.git_repository_url, c.git_repository_branch, c.tree_name
            ORDER BY tests DESC, c.id LIMIT {count}
            """, cancellationToken))
        {
            var previous = await RowsAsync(connection, $"""
                SELECT git_commit_hash FROM checkouts
                WHERE git_repository_url = '{Quote(row[2])}' AND git_repository_branch = '{Quote(row[3])}'
                  AND start_time < (SELECT start_time FROM checkouts WHERE id = '{Quote(row[0])}')
                ORDER BY start_time DESC LIMIT 1
                """, cancellationToken);
            checkouts.Add(new CheckoutTarget((string)row[0]!, (string)row[1]!, (string)row[2]!, (string)row[3]!, (string)row[4]!,
                previous.Count > 0 ? (string)previous[0][0]! : (string)row[1]!, Convert.ToInt64(row[5])));
        }

        var tests = Strings(await RowsAsync(connection, $"SELECT id FROM tests ORDER BY id LIMIT {count}", cancellationToken));
        var histories = new List<HistoryTarget>();
        foreach (var id in tests)
        {
            var row = (await RowsAsync(connection, $"""
                SELECT t.path, t.origin, c.git_repository_url, c.git_repository_branch, b.config_name, {platformOf}
                FROM tests t JOIN builds b ON b.id = t.build_id JOIN checkouts c ON c.id = b.checkout_id
                WHERE t.id = '{Quote(id)}'
                """, cancellationToken))[0];
            histories.Add(new HistoryTarget((string)row[0]!, (string)row[1]!, (string)row[2]!, (string)row[3]!, (string)row[4]!, row[5] as string));
        }

        var window = (await RowsAsync(connection, "SELECT MIN(start_time), MAX(start_time) FROM checkouts", cancellationToken))[0];
        var builds = Strings(await RowsAsync(connection, $"SELECT id FROM builds ORDER BY id LIMIT {count}", cancellationToken));
        var platforms = Strings(await RowsAsync(connection, $"""
            SELECT platform FROM dash_hardware_status WHERE kind = 'test' AND platform <> ''
            GROUP BY platform ORDER BY SUM(n) DESC, platform LIMIT {count}
            """, cancellationToken));
        var searches = checkouts.Select(c => c.Hash[..10]).Concat(builds.Select(b => b[..(IdFactory.Origin.Length + 8)])).Concat(histories.Select(h => h.Path));
        return new BenchTargets(
            checkouts,
            builds,
            tests,
            Strings(await RowsAsync(connection, $"SELECT id FROM issues ORDER BY id LIMIT {count}", cancellationToken)),
            platforms,
            histories,
            searches.Take(count).ToList(),
            Time(window[0]),
            Time(window[1]));
    }

    private static List<string> Strings(List<object?[]> rows) => rows.Select(r => (string)r[0]!).ToList();

    private static string Quote(object? value) => ((string)value!).Replace("'", "''", StringComparison.Ordinal);

    // SQLite keeps INTEGER microseconds, PostgreSQL a timestamptz.
    private static DateTimeOffset Time(object? value) => value switch
    {
        long microseconds => DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateTimeOffset time => time,
        _ => throw new BenchFailure("the dataset has no checkouts"),
    };

    private static async Task<List<object?[]>> RowsAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
