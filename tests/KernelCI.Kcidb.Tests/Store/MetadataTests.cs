using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Store;

public sealed class MetadataTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Timestamp_is_the_time_of_the_last_write_not_the_submitted_one(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        const string Build = """ "builds": [{"id": "o:b", "origin": "o", "checkout_id": "o:c", "_timestamp": "2000-01-01T00:00:00+00:00"}]""";
        await context.IngestAsync(KcidbSamples.Submission("s1", Build));
        Assert.Equal("2026-01-02T03:04:05.000000+00:00", (string?)(await context.GetAsync("builds", "o:b", withMetadata: true))!["_timestamp"]);

        context.Time.Advance(TimeSpan.FromMinutes(1));
        await context.IngestAsync(KcidbSamples.Submission("s2", Build));

        Assert.Equal("2026-01-02T03:05:05.000000+00:00", (string?)(await context.GetAsync("builds", "o:b", withMetadata: true))!["_timestamp"]);
        Assert.Null((await context.GetAsync("builds", "o:b"))!["_timestamp"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Ingested_submission_ids_are_found_and_others_are_not(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        var cancellation = TestContext.Current.CancellationToken;

        await context.IngestAsync(KcidbSamples.Submission("a1", ""), KcidbSamples.Everything("a2"));

        var found = await context.Store.FindIngestedAsync(["a1", "a2", "a3"], cancellation);
        Assert.Equal(["a1", "a2"], found.Order(StringComparer.Ordinal));
        Assert.Empty(await context.Store.FindIngestedAsync([], cancellation));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Ingesting_a_submission_again_is_harmless(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);

        await context.IngestAsync(KcidbSamples.Everything("a1"));
        await context.IngestAsync(KcidbSamples.Everything("a1"));

        RoundTripTests.AssertSame(KcidbSamples.Test, await context.GetAsync("tests", "origin:1"));
    }
}
