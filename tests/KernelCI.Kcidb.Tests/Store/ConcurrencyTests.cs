using System.Globalization;
using System.Text;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Store;

public sealed class ConcurrencyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_ingests_of_overlapping_rows_all_succeed(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);

        // Each writer sends the same 300 tests in a different order; unsorted upserts would deadlock on PostgreSQL.
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() => context.IngestAsync(
            KcidbSamples.Submission("w" + w.ToString(CultureInfo.InvariantCulture), Tests(w)))));
        await Task.WhenAll(writers);

        var found = await context.Store.FindIngestedAsync(["w0", "w1", "w2", "w3"], TestContext.Current.CancellationToken);
        Assert.Equal(4, found.Count);
        Assert.NotNull(await context.GetAsync("tests", "o:t299"));
    }

    private static string Tests(int writer)
    {
        var json = new StringBuilder(""" "tests": [""");
        for (var i = 0; i < 300; i++)
        {
            var n = writer % 2 == 0 ? i : 299 - i;
            json.Append(CultureInfo.InvariantCulture,
                $$"""{{(i == 0 ? "" : ",")}}{"id": "o:t{{n}}", "origin": "o", "build_id": "o:b", "duration": {{writer}}}""");
        }

        return json.Append(']').ToString();
    }
}
