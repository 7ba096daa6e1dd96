using KernelCI.Data;
using KernelCI.Kcidb.Store;
using KernelCI.Kcidb.Tests.Store;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Aggregates;

/// <summary>Random submissions, in random orders and batchings, leave the incremental aggregates (the issue listing's
/// included) equal to AggregateRecompute's result.</summary>
public sealed class AggregatePropertyTests
{
    public static TheoryData<DatabaseKind, int> Cases()
    {
        var cases = new TheoryData<DatabaseKind, int>();
        foreach (var kind in new[] { DatabaseKind.Sqlite, DatabaseKind.PostgreSql })
        {
            foreach (var seed in new[] { 1, 2, 3, 4 })
            {
                cases.Add(kind, seed);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Random_submissions_leave_the_aggregates_equal_to_a_recomputation(DatabaseKind kind, int seed)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        var cancellationToken = TestContext.Current.CancellationToken;
        var random = new Random(seed);
        var batches = new RandomSubmissions(seed).Batches(300);
        var checkedHalfway = false;
        var writer = await context.Store.OpenWriterAsync(cancellationToken);
        try
        {
            for (var i = 0; i < batches.Count; i++)
            {
                // A rewritten incident moves to the time of its write, which orders an issue's first incident.
                context.Time.Advance(TimeSpan.FromSeconds(random.Next(3)));
                var batch = JsonIngestBatch.From(batches[i]);
                // Half the batches come prepared, as the ingester prepares them while the previous one loads (on
                // SQLite, the new tests' keys before the writer knows which tests exist); half are not.
                if (random.Next(2) == 0)
                {
                    context.Store.Prepare(batch);
                }

                await writer.WriteAsync(batch, cancellationToken);
                // SQLite's writer may carry its transaction over several batches, as the ingester does.
                if (random.Next(3) == 0 || i == batches.Count - 1)
                {
                    await writer.CommitAsync(cancellationToken);
                    if (!checkedHalfway && i >= batches.Count / 2)
                    {
                        await writer.DisposeAsync();
                        await AggregateTables.AssertExactAsync(context.Database);
                        writer = await context.Store.OpenWriterAsync(cancellationToken);
                        checkedHalfway = true;
                    }
                }
            }
        }
        finally
        {
            await writer.DisposeAsync();
        }

        var snapshot = await AggregateTables.SnapshotAsync(context.Database);
        Assert.Contains(snapshot, line => line.StartsWith("dash_checkout_status|", StringComparison.Ordinal));
        Assert.Contains(snapshot, line => line.StartsWith("dash_issue_trees|", StringComparison.Ordinal));
        await AggregateTables.AssertExactAsync(context.Database);
    }
}
