using System.Data.Common;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Store;

/// <summary>Values are converted while they are written, inside the transaction: one the tables cannot hold must still
/// fail as a database error (so the batcher isolates its submission) and leave nothing of the batch behind.</summary>
public sealed class DataErrorTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Unparseable_timestamp_fails_the_load_as_a_database_error_and_writes_nothing(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        var good = KcidbSamples.Submission("s1", """ "builds": [{"id": "o:a", "origin": "o", "checkout_id": "o:c"}]""");
        var bad = KcidbSamples.Submission("s2",
            """ "builds": [{"id": "o:b", "origin": "o", "checkout_id": "o:c", "start_time": "yesterday"}]""");

        await Assert.ThrowsAnyAsync<DbException>(() => context.IngestAsync(good, bad));

        Assert.Null(await context.GetAsync("builds", "o:a"));
        Assert.Empty(await context.Store.FindIngestedAsync(["s1", "s2"], TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Out_of_range_integer_fails_the_load_as_a_database_error(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        var bad = KcidbSamples.Submission("s1",
            """ "incidents": [{"id": "o:i", "origin": "o", "issue_id": "o:x", "issue_version": 99999999999999999999}]""");

        await Assert.ThrowsAnyAsync<DbException>(() => context.IngestAsync(bad));

        Assert.Null(await context.GetAsync("incidents", "o:i"));
    }
}
