using KernelCI.Data;
using KernelCI.Pipeline.Runtimes.Lava.Callback;
using KernelCI.Testing;
using Microsoft.Extensions.Time.Testing;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava.Callback;

public sealed class LavaCallbackStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static async Task<(TestDatabase Database, LavaCallbackStore Store, FakeTimeProvider Time)> StartAsync(DatabaseKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        await Migrator.ApplyAsync(database.Database, LavaCallbackMigrations.All, TestContext.Current.CancellationToken);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        return (database, new LavaCallbackStore(database.Database, time), time);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_claimed_callback_is_not_taken_again_until_its_lease_ends(DatabaseKind kind)
    {
        var (database, store, time) = await StartAsync(kind);
        await using var _ = database;
        var id = await store.AddAsync("n1", "lab", [1, 2, 3], TestContext.Current.CancellationToken);

        var claimed = await store.ClaimAsync(Lease, TestContext.Current.CancellationToken);
        var again = await store.ClaimAsync(Lease, TestContext.Current.CancellationToken);
        time.Advance(Lease + TimeSpan.FromSeconds(1));
        var afterLease = await store.ClaimAsync(Lease, TestContext.Current.CancellationToken);

        Assert.Equal((id, "n1", "lab", "010203"), (claimed!.Id, claimed.NodeId, claimed.Lab, Convert.ToHexString(claimed.Body)));
        Assert.Null(again);
        Assert.Equal(id, afterLease!.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_released_callback_is_due_at_once(DatabaseKind kind)
    {
        var (database, store, _) = await StartAsync(kind);
        await using var _ = database;
        var id = await store.AddAsync("n1", "lab", [1], TestContext.Current.CancellationToken);
        await store.ClaimAsync(Lease, TestContext.Current.CancellationToken);

        await store.ReleaseAsync(id, TestContext.Current.CancellationToken);

        Assert.Equal(id, (await store.ClaimAsync(Lease, TestContext.Current.CancellationToken))!.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_failed_callback_falls_due_after_its_delay_and_a_final_failure_is_kept_but_never_taken(DatabaseKind kind)
    {
        var (database, store, time) = await StartAsync(kind);
        await using var _ = database;
        var id = await store.AddAsync("n1", "lab", [1], TestContext.Current.CancellationToken);
        await store.ClaimAsync(Lease, TestContext.Current.CancellationToken);

        await store.FailAsync(id, "boom", TimeSpan.FromMinutes(1), final: false, TestContext.Current.CancellationToken);
        Assert.Equal(time.GetUtcNow().AddMinutes(1), await store.NextDueAsync(TestContext.Current.CancellationToken));
        time.Advance(TimeSpan.FromMinutes(1));
        var retried = await store.ClaimAsync(Lease, TestContext.Current.CancellationToken);
        await store.FailAsync(id, "boom", TimeSpan.FromMinutes(1), final: true, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, retried!.Attempts);
        Assert.Null(await store.ClaimAsync(Lease, TestContext.Current.CancellationToken));
        Assert.Equal((0L, 1L), await store.CountAsync(TestContext.Current.CancellationToken));
    }
}
