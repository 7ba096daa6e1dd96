using KernelCI.Data;
using KernelCI.Kcidb.Regressions;
using KernelCI.Kcidb.Tests.Store;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Regressions;

/// <summary>The tracker's recomputation over ingested KCIDB rows (docs/regressions.md), on both databases: one checkout
/// per commit of mainline/master, each with one build and one boot test.</summary>
public sealed class RegressionRecomputeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Boot_failing_after_passing_is_stored_as_an_open_regression(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await IngestAsync(context, "PPF");

        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c2", context.Time, TestContext.Current.CancellationToken);

        var row = Assert.Single(await RowsAsync(context));
        Assert.Equal(("open", "h1", "h2", "boot", "o:t2"), (row.State, row.LastGood, row.FirstBad, row.Path, row.FirstBadResult));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Later_pass_marks_the_stored_regression_fixed(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await IngestAsync(context, "PPF");
        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c2", context.Time, TestContext.Current.CancellationToken);
        await IngestAsync(context, "PPFP");

        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c3", context.Time, TestContext.Current.CancellationToken);

        Assert.Equal(("fixed", "h3"), (Assert.Single(await RowsAsync(context)) is var r ? (r.State, r.FixedBy) : default));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Status_corrected_to_pass_removes_the_regression(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await IngestAsync(context, "PPF");
        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c2", context.Time, TestContext.Current.CancellationToken);
        await IngestAsync(context, "PPP");

        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c2", context.Time, TestContext.Current.CancellationToken);

        Assert.Empty(await RowsAsync(context));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Recomputing_twice_gives_the_same_rows(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await IngestAsync(context, "PFFPF");
        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c4", context.Time, TestContext.Current.CancellationToken);
        var first = await RowsAsync(context);

        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c4", context.Time, TestContext.Current.CancellationToken);

        Assert.Equal(first, await RowsAsync(context));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Series_row_records_infrastructure_failures(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await IngestAsync(context, "PEP");

        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c1", context.Time, TestContext.Current.CancellationToken);

        Assert.Empty(await RowsAsync(context));
        Assert.Equal(1L, await ScalarAsync(context, "SELECT infrastructure FROM kcidb_series WHERE kind = 'test'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Checkouts_without_a_start_time_are_ordered_by_when_they_were_ingested(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        // Newest hash first alphabetically, so an order by hash would read F, P, P and find nothing.
        foreach (var (hash, status) in new[] { ("h9", "PASS"), ("h5", "PASS"), ("h1", "FAIL") })
        {
            context.Time.Advance(TimeSpan.FromMinutes(1));
            await context.IngestAsync(KcidbSamples.Submission("s" + hash, $$"""
                "checkouts": [{"id": "o:c{{hash}}", "origin": "o", "tree_name": "mainline", "git_repository_branch": "master", "git_commit_hash": "{{hash}}"}],
                "builds": [{"id": "o:b{{hash}}", "origin": "o", "checkout_id": "o:c{{hash}}", "status": "PASS"}],
                "tests": [{"id": "o:t{{hash}}", "origin": "o", "build_id": "o:b{{hash}}", "path": "boot", "status": "{{status}}"}]
                """));
        }

        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:ch1", context.Time, TestContext.Current.CancellationToken);

        var row = Assert.Single(await RowsAsync(context));
        Assert.Equal(("h5", "h1"), (row.LastGood, row.FirstBad));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Checkout_without_a_tree_analyses_nothing(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(KcidbSamples.Submission("s", "\"checkouts\": [{\"id\": \"o:x\", \"origin\": \"o\"}]"));

        Assert.Equal(0, await RegressionRecompute.ForCheckoutAsync(context.Database, "o:x", context.Time, TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Full_recomputation_finds_what_nobody_recomputed(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await IngestAsync(context, "PPF");

        var series = await RegressionRecompute.AllAsync(context.Database, context.Time, TestContext.Current.CancellationToken);

        Assert.Equal(2, series);
        Assert.Equal(("open", "h1", "h2"), Assert.Single(await RowsAsync(context)) is var r ? (r.State, r.LastGood, r.FirstBad) : default);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Full_recomputation_gives_the_rows_incremental_recomputation_gave(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await IngestAsync(context, "PFPPPPF");
        for (var i = 0; i < 7; i++)
        {
            await RegressionRecompute.ForCheckoutAsync(context.Database, $"o:c{i}", context.Time, TestContext.Current.CancellationToken);
        }

        var incremental = await RowsAsync(context);

        await RegressionRecompute.AllAsync(context.Database, context.Time, TestContext.Current.CancellationToken);

        Assert.Equal(2, incremental.Count);
        Assert.Equal(incremental, await RowsAsync(context));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Checkout_that_is_not_the_branch_tip_is_left_out_of_the_series(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await IngestAsync(context, "PF");
        // A bisection step built hm, a commit between h0 and h1 never built before, later, and it passed: not a fix.
        await context.IngestAsync(KcidbSamples.Submission("sstep", """
            "checkouts": [{"id": "o:step", "origin": "o", "tree_name": "mainline", "git_repository_branch": "master", "git_commit_hash": "hm", "git_repository_branch_tip": false, "start_time": "2026-01-01T05:00:00+00:00"}],
            "builds": [{"id": "o:bstep", "origin": "o", "checkout_id": "o:step", "status": "PASS", "config_name": "tinyconfig", "architecture": "x86_64", "compiler": "gcc-12"}],
            "tests": [{"id": "o:tstep", "origin": "o", "build_id": "o:bstep", "path": "boot", "status": "PASS", "environment": {"misc": {"platform": "qemu-x86"} } }]
            """));

        await RegressionRecompute.ForCheckoutAsync(context.Database, "o:c1", context.Time, TestContext.Current.CancellationToken);

        Assert.Equal("open", Assert.Single(await RowsAsync(context)).State);
    }

    // Commit i is checkout o:ci (hash hi, started i hours in) with build o:bi and boot test o:ti of the pattern's status.
    internal static Task IngestAsync(StoreContext context, string pattern) => IngestAsync(context.Store, pattern);

    internal static async Task IngestAsync(KernelCI.Kcidb.Store.IKcidbStore store, string pattern)
    {
        var checkouts = new List<string>();
        var builds = new List<string>();
        var tests = new List<string>();
        for (var i = 0; i < pattern.Length; i++)
        {
            var status = pattern[i] switch { 'P' => "PASS", 'F' => "FAIL", _ => "ERROR" };
            checkouts.Add($$$"""{"id": "o:c{{{i}}}", "origin": "o", "tree_name": "mainline", "git_repository_branch": "master", "git_commit_hash": "h{{{i}}}", "start_time": "2026-01-01T{{{i:D2}}}:00:00+00:00"}""");
            builds.Add($$$"""{"id": "o:b{{{i}}}", "origin": "o", "checkout_id": "o:c{{{i}}}", "status": "PASS", "config_name": "tinyconfig", "architecture": "x86_64", "compiler": "gcc-12", "start_time": "2026-01-01T{{{i:D2}}}:10:00+00:00"}""");
            tests.Add($$$"""{"id": "o:t{{{i}}}", "origin": "o", "build_id": "o:b{{{i}}}", "path": "boot", "status": "{{{status}}}", "start_time": "2026-01-01T{{{i:D2}}}:20:00+00:00", "environment": {"misc": {"platform": "qemu-x86"} } }""");
        }

        await store.IngestAsync([KcidbSamples.Submission("s" + Guid.NewGuid().ToString("N"),
            $"\"checkouts\": [{string.Join(", ", checkouts)}], \"builds\": [{string.Join(", ", builds)}], \"tests\": [{string.Join(", ", tests)}]")],
            TestContext.Current.CancellationToken);
    }

    internal static async Task<List<StoredRegression>> RowsAsync(StoreContext context)
    {
        await using var connection = await context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, last_good_commit, first_bad_commit, path, first_bad_result, fixed_by_commit, failures FROM kcidb_regressions ORDER BY id";
        var rows = new List<StoredRegression>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(new StoredRegression(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6)));
        }

        return rows;
    }

    private static async Task<object?> ScalarAsync(StoreContext context, string sql)
    {
        await using var connection = await context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    internal sealed record StoredRegression(string State, string LastGood, string FirstBad, string Path, string FirstBadResult, string? FixedBy, string Failures);
}
