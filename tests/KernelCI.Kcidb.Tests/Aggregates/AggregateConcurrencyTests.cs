using KernelCI.Data;
using KernelCI.Kcidb.Tests.Store;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Aggregates;

/// <summary>Several ingesters at once (API replicas on one PostgreSQL) still leave the aggregates exact: their upkeep
/// is serialized, so none subtracts an old row another already replaced, nor adds to a stale sum.</summary>
public sealed class AggregateConcurrencyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_ingestions_of_overlapping_objects_leave_the_aggregates_exact(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        var batches = new RandomSubmissions(7).Batches(400);

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = w; i < batches.Count; i += 4)
            {
                await context.Store.IngestAsync(batches[i], TestContext.Current.CancellationToken);
            }
        }));
        await Task.WhenAll(writers);

        await AggregateTables.AssertExactAsync(context.Database);
    }
}
