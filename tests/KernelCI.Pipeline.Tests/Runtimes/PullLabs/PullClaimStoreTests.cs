using KernelCI.Data;
using KernelCI.Pipeline.Runtimes.PullLabs;
using KernelCI.Testing;

namespace KernelCI.Pipeline.Tests.Runtimes.PullLabs;

public sealed class PullClaimStoreTests
{
    private static async Task<(TestDatabase Database, PullClaimStore Store)> StartAsync(DatabaseKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        await Migrator.ApplyAsync(database.Database, PullLabMigrations.All, TestContext.Current.CancellationToken);
        return (database, new PullClaimStore(database.Database, TimeProvider.System));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Of_concurrent_claims_of_one_job_exactly_one_wins(DatabaseKind kind)
    {
        var (database, store) = await StartAsync(kind);
        await using var _ = database;

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => store.TryClaimAsync("0123456789abcdef01234567", "lab", "worker" + i, TestContext.Current.CancellationToken))));

        Assert.Single(claims, c => c);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Claimed_jobs_are_found_among_others(DatabaseKind kind)
    {
        var (database, store) = await StartAsync(kind);
        await using var _ = database;
        await store.TryClaimAsync("n1", "lab", "w", TestContext.Current.CancellationToken);

        var claimed = await store.ClaimedAsync(["n1", "n2"], TestContext.Current.CancellationToken);

        Assert.Equal(["n1"], claimed);
    }
}
