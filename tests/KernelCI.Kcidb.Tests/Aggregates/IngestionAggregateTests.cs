using KernelCI.Data;
using KernelCI.Kcidb.Store;
using KernelCI.Kcidb.Tests.Store;
using KernelCI.Testing;
using static KernelCI.Kcidb.Tests.Aggregates.AggregateDocs;

namespace KernelCI.Kcidb.Tests.Aggregates;

/// <summary>Ingestion keeps the dashboard's aggregates equal to their recomputation under KCIDB's merge rule
/// (docs/dashboard-api.md, "Aggregates"): one rule per test, each ending with the full comparison.</summary>
public sealed class IngestionAggregateTests
{
    private const string CheckoutStatus = "dash_checkout_status";
    private const string Hardware = "dash_hardware_status";

    private static Task<long> TestsAsync(StoreContext context, string checkout, string status, string kind = "test") =>
        AggregateTables.CountAsync(context.Database, CheckoutStatus, $"checkout_id = '{checkout}' AND kind = '{kind}' AND status = '{status}'");

    private static Task<long> BuildsAsync(StoreContext context, string checkout, string status) =>
        AggregateTables.CountAsync(context.Database, CheckoutStatus, $"checkout_id = '{checkout}' AND kind = 'build' AND status = '{status}'");

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Test_whose_status_goes_from_null_to_FAIL_moves_to_FAIL(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(Submission("s1", [Build("o:b1", "o:c1")], [Test("o:t1", "o:b1")]));
        Assert.Equal(1, await TestsAsync(context, "o:c1", "NULL"));

        await context.IngestAsync(Submission("s2", tests: [Test("o:t1", "o:b1", "FAIL")]));

        Assert.Equal(0, await AggregateTables.RowsAsync(context.Database, CheckoutStatus, "status = 'NULL'"));
        Assert.Equal(1, await TestsAsync(context, "o:c1", "FAIL"));
        await AggregateTables.AssertExactAsync(context.Database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Test_corrected_from_FAIL_to_PASS_moves_to_PASS(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(Submission("s1", [Build("o:b1", "o:c1")], [Test("o:t1", "o:b1", "FAIL"), Test("o:t2", "o:b1", "FAIL")]));

        await context.IngestAsync(Submission("s2", tests: [Test("o:t1", "o:b1", "PASS")]));

        Assert.Equal(1, await TestsAsync(context, "o:c1", "FAIL"));
        Assert.Equal(1, await TestsAsync(context, "o:c1", "PASS"));
        await AggregateTables.AssertExactAsync(context.Database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Same_document_ingested_twice_changes_nothing(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        string[] builds = [Build("o:b1", "o:c1")];
        string[] tests = [Test("o:t1", "o:b1", "FAIL", "boot", "rpi"), Test("o:t2", "o:b1", "PASS", compatible: "a,b")];
        await context.IngestAsync(Submission("s1", builds, tests));
        var first = await AggregateTables.SnapshotAsync(context.Database);

        await context.IngestAsync(Submission("s2", builds, tests));

        Assert.Equal(first, await AggregateTables.SnapshotAsync(context.Database));
        await AggregateTables.AssertExactAsync(context.Database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_arriving_after_its_tests_brings_their_counts_to_its_checkout(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(Submission("s1", tests: [Test("o:t1", "o:b1", "FAIL", platform: "rpi")]));
        Assert.Equal(0, await AggregateTables.RowsAsync(context.Database, CheckoutStatus, "1 = 1"));

        await context.IngestAsync(Submission("s2", [Build("o:b1", "o:c1")]));

        Assert.Equal(1, await TestsAsync(context, "o:c1", "FAIL"));
        Assert.Equal(1, await AggregateTables.CountAsync(context.Database, Hardware, "platform = 'rpi' AND kind = 'build' AND status = 'PASS'"));
        await AggregateTables.AssertExactAsync(context.Database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_moving_to_another_checkout_moves_its_counts(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(Submission("s1", [Build("o:b1", "o:c1")], [Test("o:t1", "o:b1", "FAIL", platform: "rpi")]));

        await context.IngestAsync(Submission("s2", [Build("o:b1", "o:c2", status: null)]));

        Assert.Equal(0, await AggregateTables.RowsAsync(context.Database, CheckoutStatus, "checkout_id = 'o:c1'"));
        Assert.Equal(0, await AggregateTables.RowsAsync(context.Database, Hardware, "checkout_id = 'o:c1'"));
        Assert.Equal(1, await BuildsAsync(context, "o:c2", "PASS"));
        Assert.Equal(1, await TestsAsync(context, "o:c2", "FAIL"));
        await AggregateTables.AssertExactAsync(context.Database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_whose_status_changes_moves_its_build_count(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(Submission("s1", [Build("o:b1", "o:c1", status: null)], [Test("o:t1", "o:b1", "PASS", compatible: "a,b")]));

        await context.IngestAsync(Submission("s2", [Build("o:b1", "o:c1", "FAIL")]));

        Assert.Equal(0, await BuildsAsync(context, "o:c1", "NULL"));
        Assert.Equal(1, await BuildsAsync(context, "o:c1", "FAIL"));
        Assert.Equal(1, await AggregateTables.CountAsync(context.Database, Hardware, "kind = 'build' AND status = 'FAIL'"));
        await AggregateTables.AssertExactAsync(context.Database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Dummy_build_is_not_counted_as_a_build_but_its_tests_are(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);

        await context.IngestAsync(Submission("s1", [Build("maestro:dummy_1", "o:c1")], [Test("o:t1", "maestro:dummy_1", "PASS", platform: "rpi")]));

        Assert.Equal(0, await AggregateTables.RowsAsync(context.Database, CheckoutStatus, "kind = 'build'"));
        Assert.Equal(0, await AggregateTables.RowsAsync(context.Database, Hardware, "kind = 'build'"));
        Assert.Equal(1, await TestsAsync(context, "o:c1", "PASS"));
        await AggregateTables.AssertExactAsync(context.Database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Test_whose_path_changes_moves_from_tests_to_boots(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(Submission("s1", [Build("o:b1", "o:c1")], [Test("o:t1", "o:b1", "PASS", "baseline")]));

        await context.IngestAsync(Submission("s2", tests: [Test("o:t1", "o:b1", path: "boot.login")]));

        Assert.Equal(0, await TestsAsync(context, "o:c1", "PASS"));
        Assert.Equal(1, await TestsAsync(context, "o:c1", "PASS", "boot"));
        Assert.Equal(1, await AggregateTables.CountAsync(context.Database, "dash_build_tests", "path_group = 'boot' AND is_boot = 1"));
        await AggregateTables.AssertExactAsync(context.Database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Test_whose_platform_changes_moves_to_the_other_hardware(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(Submission("s1", [Build("o:b1", "o:c1")], [Test("o:t1", "o:b1", "FAIL", platform: "rpi")]));

        await context.IngestAsync(Submission("s2", tests: [Test("o:t1", "o:b1", platform: "beagle")]));

        Assert.Equal(0, await AggregateTables.RowsAsync(context.Database, Hardware, "platform = 'rpi'"));
        Assert.Equal(1, await AggregateTables.CountAsync(context.Database, Hardware, "platform = 'beagle' AND kind = 'test' AND status = 'FAIL'"));
        Assert.Equal(1, await AggregateTables.CountAsync(context.Database, Hardware, "platform = 'beagle' AND kind = 'build'"));
        await AggregateTables.AssertExactAsync(context.Database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Test_moving_to_another_build_moves_its_count(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(Submission("s1", [Build("o:b1", "o:c1"), Build("o:b2", "o:c2")], [Test("o:t1", "o:b1", "FAIL")]));

        await context.IngestAsync(Submission("s2", tests: [Test("o:t1", "o:b2")]));

        Assert.Equal(0, await AggregateTables.RowsAsync(context.Database, "dash_build_tests", "build_id = 'o:b1'"));
        Assert.Equal(0, await TestsAsync(context, "o:c1", "FAIL"));
        Assert.Equal(1, await TestsAsync(context, "o:c2", "FAIL"));
        await AggregateTables.AssertExactAsync(context.Database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Rows_whose_count_reaches_zero_are_deleted(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        await context.IngestAsync(Submission("s1", [Build("o:b1", "o:c1")], [Test("o:t1", "o:b1", "FAIL", "boot", "rpi", "lab-a", "a,b")]));

        await context.IngestAsync(Submission("s2", tests: [Test("o:t1", "o:b1", "PASS", "ltp.x", "beagle", "lab-b", "c")]));

        foreach (var table in new[] { "dash_build_tests", CheckoutStatus, Hardware })
        {
            Assert.Equal(0, await AggregateTables.RowsAsync(context.Database, table, "n = 0"));
        }

        Assert.Equal(0, await AggregateTables.RowsAsync(context.Database, Hardware, "platform = 'rpi' OR status = 'FAIL'"));
        Assert.Equal(0, await AggregateTables.RowsAsync(context.Database, "dash_build_tests", "lab = 'lab-a' OR is_boot = 1"));
        await AggregateTables.AssertExactAsync(context.Database);
    }

    // Escapes, non-string platforms, duplicated fields and non-ASCII text: whatever the JSON functions make of them,
    // ingestion must count them as the recomputation does (docs/dashboard-api.md, "Aggregates").
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task New_tests_with_unusual_values_count_as_their_recomputation(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        string[] tests =
        [
            """{"id": "o:t1", "origin": "o", "build_id": "o:b1", "path": ".x", "environment": {"misc": {"platform": 15}}}""",
            """{"id": "o:t2", "origin": "o", "build_id": "o:b1", "path": "boot", "environment": {"misc": {"platform": {"a": [1, 2]}}}}""",
            """{"id": "o:t3", "origin": "o", "build_id": "o:b1", "path": "boot.x.y", "environment": {"misc": {"platform": "r\u0070i\n"}}}""",
            """{"id": "o:t4", "origin": "o", "build_id": "o:b1", "status": "PASS", "environment": {"compatible": ["été", "a+b<c>"]}}""",
            """{"id": "o:t5", "origin": "o", "build_id": "o:b1", "environment": {"compatible": [], "misc": {"platfor\u006d": "x", "platform": "y"}}}""",
            """{"id": "o:t6", "origin": "o", "build_id": "o:b1", "misc": {"runtime": "a", "runtime": "b"}}""",
            """{"id": "o:t7", "origin": "o", "build_id": "o:b1", "path": "ltp", "misc": {"runtime": null}, "environment": {"misc": {"platform": true}}}""",
            """{"id": "o:t\u0038", "origin": "o", "build_id": "o:b\u0031", "path": "kunit.é", "environment": {"compatible": ["a,b"], "misc": {"platform": "rpi"}}}""",
        ];

        await context.IngestAsync(Submission("s1", [Build("o:b1", "o:c1")], tests));

        Assert.Equal(8, await AggregateTables.CountAsync(context.Database, "dash_build_tests", "build_id = 'o:b1'"));
        await AggregateTables.AssertExactAsync(context.Database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Ingestion_with_the_switch_off_leaves_the_aggregates_alone(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        var store = KcidbStore.Create(context.Database, context.Time, dashboardAggregates: false);

        await store.IngestAsync([Submission("s1", [Build("o:b1", "o:c1")], [Test("o:t1", "o:b1", "FAIL", platform: "rpi")])], TestContext.Current.CancellationToken);

        Assert.Empty(await AggregateTables.SnapshotAsync(context.Database));
    }
    // The regression tracker, the result triage and the live pages wait on these announcements: turning the aggregates
    // off must not stop them.
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Ingestion_with_the_switch_off_still_announces_the_checkouts_it_touched(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        var store = KcidbStore.Create(context.Database, context.Time, dashboardAggregates: false);
        await store.IngestAsync([Submission("s1", [Build("o:b1", "o:c1"), Build("o:b2", "o:c2")])], TestContext.Current.CancellationToken);
        var heard = new List<string>();
        using var subscription = CheckoutChanges.For(context.Database).Subscribe(ids => { lock (heard) { heard.AddRange(ids); } });

        await store.IngestAsync([Submission("s2", [Build("o:b3", "o:c3")], [Test("o:t1", "o:b2", "FAIL")])], TestContext.Current.CancellationToken);

        Assert.Equal(["o:c2", "o:c3"], heard.Order());
    }
}
