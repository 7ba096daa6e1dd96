using KernelCI.Data;
using KernelCI.Kcidb.KnownIssues;
using KernelCI.Kcidb.Tests.Store;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.KnownIssues;

/// <summary>The triage's read of new failed results starts at its cursor: each pass reads what came after it, not every
/// result since the first (docs/benchmarks.md, session 21: PostgreSQL walked tests__timestamp from its first entry,
/// 8.9 s a pass at 2,000,000 tests, until the cursor's timestamp was a term of its own). SQLite's planner searched its
/// partial index from the cursor with or without that term; its test keeps it so.</summary>
public sealed class ResultScanPlanTests
{
    [Theory]
    [InlineData(ResultScan.Tests)]
    [InlineData(ResultScan.Builds)]
    public async Task PostgreSql_scan_after_the_cursor_reads_only_what_follows_it(string source)
    {
        await using var context = await StoreContext.CreateAsync(DatabaseKind.PostgreSql);
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await context.Database.OpenConnectionAsync(cancellationToken);
        // 50,000 failed rows, one a second, with statistics; the cursor stands halfway. A half that matches tempts the
        // planner to walk the timestamp index in order and stop at the limit, which is only cheap from the cursor on.
        var parent = source == ResultScan.Tests ? "build_id, " : "checkout_id, ";
        await using (var fill = connection.CreateCommand())
        {
            fill.CommandText = $"""
                INSERT INTO {source} (id, {parent}origin, status, _timestamp)
                SELECT 'o:' || lpad(i::text, 6, '0'), 'o:p', 'o', 'FAIL', timestamptz '2026-01-01' + i * interval '1 second'
                FROM generate_series(1, 50000) AS i;
                ANALYZE {source};
                """;
            await fill.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + new ResultScan(context.Database).AfterSql(source);
        explain.AddParameter("ts", new DateTime(2026, 1, 1, 6, 56, 40, DateTimeKind.Utc));
        explain.AddParameter("id", "o:025000");
        explain.AddParameter("limit", 500);
        var plan = System.Text.Json.JsonDocument.Parse((string)(await explain.ExecuteScalarAsync(cancellationToken))!).RootElement[0].GetProperty("Plan");

        Assert.Equal(500, plan.GetProperty("Actual Rows").GetInt64());
        var buffers = plan.GetProperty("Shared Hit Blocks").GetInt64() + plan.GetProperty("Shared Read Blocks").GetInt64();
        Assert.True(buffers < 100, $"{buffers} buffers read for 500 rows: {plan}");
    }
    [Theory]
    [InlineData(ResultScan.Tests)]
    [InlineData(ResultScan.Builds)]
    public async Task Sqlite_scan_after_the_cursor_searches_the_failed_index_from_it(string source)
    {
        await using var context = await StoreContext.CreateAsync(DatabaseKind.Sqlite);
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await context.Database.OpenConnectionAsync(cancellationToken);
        var parent = source == ResultScan.Tests ? "build_id, " : "checkout_id, ";
        await using (var fill = connection.CreateCommand())
        {
            fill.CommandText = $"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
                INSERT INTO {source} (id, {parent}origin, status, _timestamp)
                SELECT printf('o:%06d', i), 'o:p', 'o', 'FAIL', i FROM n;
                ANALYZE;
                """;
            await fill.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + new ResultScan(context.Database).AfterSql(source);
        explain.AddParameter("ts", 25000L);
        explain.AddParameter("id", "o:025000");
        explain.AddParameter("limit", 500);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            plan.Add(reader.GetString(3));
        }

        Assert.Equal([$"SEARCH {source} USING INDEX {source}_failed__timestamp (_timestamp>?)"], plan);
    }
}
