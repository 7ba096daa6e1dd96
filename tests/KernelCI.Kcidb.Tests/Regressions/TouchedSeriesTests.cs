using System.Globalization;
using KernelCI.Data;
using KernelCI.Kcidb.Regressions;
using KernelCI.Kcidb.Tests.Store;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Regressions;

/// <summary>The tracker reads only the touched series' history and saves a branch's verdicts in multi-row statements
/// (docs/regressions.md, "How"); on both databases, the rows are those of the whole window's analysis.</summary>
public sealed class TouchedSeriesTests
{
    // Commit i of mainline/master has, per configuration, a build (PASS) and one test per path with the pattern's
    // status at i ('-': no test of that path there).
    private static readonly Dictionary<(string Config, string Path), string> Branch = new()
    {
        [("tinyconfig", "boot")] = new string('P', 25) + new string('F', 20),
        [("tinyconfig", "smoke")] = "PFPFFPFPPFPFPF" + new string('P', 10) + "F" + new string('P', 10) + "FPFPPFPFFP",
        [("defconfig", "boot")] = new string('P', 10) + "F" + new string('P', 20) + new string('F', 12) + "PP",
        [("defconfig", "smoke")] = "PP-P-" + new string('P', 14) + new string('F', 26),
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Incremental_recomputation_as_commits_arrive_gives_the_full_recomputations_rows(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        // Three commits at a time, recomputed together as the tracker takes what waits (45 commits, 15 batches).
        var commits = Branch.Values.First().Length;
        for (var n = 3; n <= commits; n += 3)
        {
            await IngestAsync(context, n - 3, n);
            context.Time.Advance(TimeSpan.FromMinutes(1));
            await RegressionRecompute.ForCheckoutsAsync(context.Database, [$"o:c{n - 3}", $"o:c{n - 2}", $"o:c{n - 1}"], context.Time,
                TestContext.Current.CancellationToken);
        }

        var incremental = await RegressionRecomputeTests.RowsAsync(context);
        var incrementalSeries = await SeriesRowsAsync(context);
        await ClearAsync(context);

        await RegressionRecompute.AllAsync(context.Database, context.Time, TestContext.Current.CancellationToken);

        // boot on tinyconfig regressed at c25; defconfig's boot regressed twice (fixed and closed; then fixed); smoke on
        // defconfig regressed at c19; the flaky smoke on tinyconfig opened nothing, not even in its calm stretch.
        Assert.Equal(["c10 closed", "c19 open", "c25 open", "c31 fixed"],
            incremental.Select(r => $"{r.FirstBad.Replace('h', 'c')} {r.State}").Order(StringComparer.Ordinal));
        Assert.Equal(incremental, await RegressionRecomputeTests.RowsAsync(context));
        Assert.Equal(incrementalSeries, await SeriesRowsAsync(context));
        Assert.Contains(incrementalSeries, row => row.StartsWith("test smoke tinyconfig flaky ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Checkout_touching_one_series_analyses_and_saves_that_series_only(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await IngestAsync(context, 0, 19);
        await RegressionRecompute.AllAsync(context.Database, context.Time, TestContext.Current.CancellationToken);
        var before = await SeriesRowsAsync(context, withUpdated: true);
        context.Time.Advance(TimeSpan.FromHours(1));
        // A new commit with one build and one failing test of a series that only passed before.
        await context.IngestAsync(KcidbSamples.Submission("snew", """
            "checkouts": [{"id": "o:cnew", "origin": "o", "tree_name": "mainline", "git_repository_branch": "master", "git_commit_hash": "hnew", "start_time": "2026-01-03T00:00:00+00:00"}],
            "builds": [{"id": "o:bnew", "origin": "o", "checkout_id": "o:cnew", "status": "PASS", "config_name": "defconfig", "architecture": "x86_64", "compiler": "gcc-12"}],
            "tests": [{"id": "o:tnew", "origin": "o", "build_id": "o:bnew", "path": "smoke", "status": "FAIL", "environment": {"misc": {"platform": "qemu-x86"} } }]
            """));

        var analysed = await RegressionRecompute.ForCheckoutAsync(context.Database, "o:cnew", context.Time, TestContext.Current.CancellationToken);

        Assert.Equal(2, analysed);
        var after = await SeriesRowsAsync(context, withUpdated: true);
        var changed = after.Except(before).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, changed.Count);
        Assert.All(changed, row => Assert.Contains(" defconfig", row, StringComparison.Ordinal));
        Assert.Contains(changed, row => row.StartsWith("build ", StringComparison.Ordinal));
        Assert.Contains(changed, row => row.StartsWith("test smoke ", StringComparison.Ordinal));
        var regression = Assert.Single(await RegressionRecomputeTests.RowsAsync(context), r => r.FirstBad == "hnew");
        Assert.Equal(("open", "h18", "smoke"), (regression.State, regression.LastGood, regression.Path));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task More_rows_than_a_statement_holds_are_saved_and_fed_in_full(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        // More regressions and series than one multi-row statement takes (RegressionStore.Chunk): PASS then FAIL on
        // every path.
        var paths = RegressionStore.Chunk(context.Database) + 7;
        var tests = Enumerable.Range(0, 2).SelectMany(i => Enumerable.Range(0, paths).Select(p =>
            $$$"""{"id": "o:t{{{i}}}_{{{p}}}", "origin": "o", "build_id": "o:b{{{i}}}", "path": "p{{{p}}}", "status": "{{{(i == 0 ? "PASS" : "FAIL")}}}"}"""));
        await context.IngestAsync(KcidbSamples.Submission("sbig", $$"""
            "checkouts": [{"id": "o:c0", "origin": "o", "tree_name": "mainline", "git_repository_branch": "master", "git_commit_hash": "h0", "start_time": "2026-01-01T00:00:00+00:00"},
                          {"id": "o:c1", "origin": "o", "tree_name": "mainline", "git_repository_branch": "master", "git_commit_hash": "h1", "start_time": "2026-01-01T01:00:00+00:00"}],
            "builds": [{"id": "o:b0", "origin": "o", "checkout_id": "o:c0", "status": "PASS"}, {"id": "o:b1", "origin": "o", "checkout_id": "o:c1", "status": "PASS"}],
            "tests": [{{string.Join(", ", tests)}}]
            """));

        Assert.Equal(paths + 1, await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c1", context.Time, TestContext.Current.CancellationToken));

        Assert.Equal(paths, (await RegressionRecomputeTests.RowsAsync(context)).Count(r => r.State == "open"));
        Assert.Equal(paths + 1, (await SeriesRowsAsync(context)).Count);
        Assert.Equal(paths, await CountAsync(context, "SELECT COUNT(DISTINCT id) FROM kcidb_regression_changes"));
    }

    // Commits from (included) to (excluded).
    private static async Task IngestAsync(StoreContext context, int from, int to)
    {
        var checkouts = new List<string>();
        var builds = new List<string>();
        var tests = new List<string>();
        for (var i = from; i < to; i++)
        {
            var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i).ToString("yyyy-MM-ddTHH:mm:ss+00:00", CultureInfo.InvariantCulture);
            checkouts.Add($$$"""{"id": "o:c{{{i}}}", "origin": "o", "tree_name": "mainline", "git_repository_branch": "master", "git_commit_hash": "h{{{i}}}", "start_time": "{{{at}}}"}""");
            foreach (var config in Branch.Keys.Select(k => k.Config).Distinct())
            {
                builds.Add($$$"""{"id": "o:b{{{i}}}{{{config}}}", "origin": "o", "checkout_id": "o:c{{{i}}}", "status": "PASS", "config_name": "{{{config}}}", "architecture": "x86_64", "compiler": "gcc-12", "start_time": "{{{at}}}"}""");
            }

            foreach (var ((config, path), pattern) in Branch)
            {
                if (pattern[i] != '-')
                {
                    tests.Add($$$"""{"id": "o:t{{{i}}}{{{config}}}{{{path}}}", "origin": "o", "build_id": "o:b{{{i}}}{{{config}}}", "path": "{{{path}}}", "status": "{{{(pattern[i] == 'P' ? "PASS" : "FAIL")}}}", "start_time": "{{{at}}}", "environment": {"misc": {"platform": "qemu-x86"} } }""");
                }
            }
        }

        await context.IngestAsync(KcidbSamples.Submission("s" + Guid.NewGuid().ToString("N"),
            $"\"checkouts\": [{string.Join(", ", checkouts)}], \"builds\": [{string.Join(", ", builds)}], \"tests\": [{string.Join(", ", tests)}]"));
    }

    private static async Task<List<string>> SeriesRowsAsync(StoreContext context, bool withUpdated = false)
    {
        await using var connection = await context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, path, config_name, flaky, flip_rate, infrastructure, updated FROM kcidb_series ORDER BY kind, path, config_name";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var row = $"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)} {(reader.GetBoolean(3) ? "flaky" : "stable")} " +
                $"{reader.GetDouble(4).ToString("F3", CultureInfo.InvariantCulture)} {reader.GetInt64(5)}";
            rows.Add(withUpdated ? $"{row} {reader.GetValue(6)}" : row);
        }

        return rows;
    }

    private static async Task ClearAsync(StoreContext context)
    {
        await using var connection = await context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM kcidb_regressions; DELETE FROM kcidb_series;";
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<long> CountAsync(StoreContext context, string sql)
    {
        await using var connection = await context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), CultureInfo.InvariantCulture);
    }
}
