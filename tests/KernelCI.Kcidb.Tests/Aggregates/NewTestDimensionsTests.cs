using KernelCI.Data;
using KernelCI.Kcidb.Aggregates;
using KernelCI.Kcidb.Store;
using KernelCI.Kcidb.Tests.Store;

namespace KernelCI.Kcidb.Tests.Aggregates;

/// <summary>SQLite takes a new test's <c>dash_build_tests</c> key from its submitted values (SqliteNewTestDimensions)
/// and reads back only what those cannot tell.</summary>
public sealed class NewTestDimensionsTests
{
    // Values where the submitted JSON and SQLite's JSON functions on the stored row could disagree.
    private static readonly string[] UnusualTests =
    [
        """{"id": "o:u1", "origin": "o", "build_id": "o:b", "path": "boot", "environment": {"misc": {"platform": 7}}, "misc": {"runtime": true}}""",
        """{"id": "o:u2", "origin": "o", "build_id": "o:b", "path": "boot.nfs", "environment": {"misc": {"platform": {"x": 1}}}, "misc": {"runtime": [1]}}""",
        """{"id": "o:u3", "origin": "o", "build_id": "o:b", "path": "ltp.é.x", "environment": {"misc": {"platform": "p", "platform": "q"}}}""",
        """{"id": "o:u4", "origin": "o", "build_id": "o:b", "path": "a", "environment": {"compatible": ["é", "a+b", "<x>", "q\"uote"]}}""",
        """{"id": "o:u5", "origin": "o", "build_id": "o:b", "path": "b", "environment": {"compatible": ["\u0041", "x y"], "misc": {"platform": "\u00e9\t"}}}""",
        """{"id": "o:u6", "origin": "o", "build_id": "o:b", "path": "", "environment": {"misc": "text"}, "misc": {"runtime": null}}""",
        """{"id": "o:u7", "origin": "o", "build_id": "o:b", "environment": {"misc": [1, 2], "compatible": []}, "misc": 3, "status": "FAIL"}""",
        """{"id": "o:u8", "origin": "o", "build_id": "o:b", "path": "boot.", "environment": {"misc": {"platform": null}}, "status": "PASS"}""",
        """{"id": "o:u9", "origin": "o", "build_id": "o:b", "path": "kselftest.a.b", "environment": {"misc": {"platform": "rpi"}, "compatible": ["a,b", "c"]}, "misc": {"runtime": "lab"}}""",
    ];

    [Fact]
    public async Task New_tests_with_unusual_values_leave_the_aggregates_equal_to_a_recomputation()
    {
        await using var context = await StoreContext.CreateAsync(DatabaseKind.Sqlite);
        await context.IngestAsync(KcidbSamples.Submission("s1",
            $"\"builds\": [{{\"id\": \"o:b\", \"origin\": \"o\", \"checkout_id\": \"o:c\", \"status\": \"PASS\"}}], \"tests\": [{string.Join(", ", UnusualTests)}]"));

        Assert.Equal(9, await AggregateTables.CountAsync(context.Database, "dash_build_tests", "build_id = 'o:b'"));
        await AggregateTables.AssertExactAsync(context.Database);
    }

    [Fact]
    public void A_test_with_plain_values_is_keyed_from_its_submitted_values()
    {
        var row = JsonRowMapper.ToRow(KcidbTables.Tests, KcidbSamples.Element(UnusualTests[8]));

        Assert.True(SqliteNewTestDimensions.TryKey(row, out var key));
        Assert.Equal(new TestDimensionKey("o:b", "o", 0, "kselftest", "rpi", """["a,b","c"]""", "lab", "NULL"), key);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_test_whose_stored_row_could_key_it_differently_is_read_back(int index)
    {
        var row = JsonRowMapper.ToRow(KcidbTables.Tests, KcidbSamples.Element(UnusualTests[index]));

        Assert.False(SqliteNewTestDimensions.TryKey(row, out _));
    }
}
