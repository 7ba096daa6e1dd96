using KernelCI.Data;
using KernelCI.Pipeline.Runtimes.PullLabs;
using KernelCI.Testing;
using Microsoft.Extensions.Time.Testing;

namespace KernelCI.Pipeline.Tests.Runtimes.PullLabs;

public sealed class PullClaimStoreTests
{
    private const string Node = "0123456789abcdef01234567";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static async Task<(TestDatabase Database, PullClaimStore Store, FakeTimeProvider Clock)> StartAsync(DatabaseKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        await Migrator.ApplyAsync(database.Database, PullLabMigrations.All, TestContext.Current.CancellationToken);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        return (database, new PullClaimStore(database.Database, clock), clock);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Of_concurrent_claims_of_one_job_exactly_one_wins(DatabaseKind kind)
    {
        var (database, store, _) = await StartAsync(kind);
        await using var _ = database;

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => store.TryClaimAsync(Node, "lab", "worker" + i, Lease, 3, TestContext.Current.CancellationToken))));

        Assert.Single(claims, c => c is not null);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Of_concurrent_reclaims_of_an_expired_claim_exactly_one_wins(DatabaseKind kind)
    {
        var (database, store, clock) = await StartAsync(kind);
        await using var _ = database;
        await store.TryClaimAsync(Node, "lab", "w0", Lease, 3, TestContext.Current.CancellationToken);
        clock.Advance(Lease);

        var claims = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            Task.Run(() => store.TryClaimAsync(Node, "lab", "worker" + i, Lease, 3, TestContext.Current.CancellationToken))));

        Assert.Equal(2, Assert.Single(claims, c => c is not null));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Held_jobs_are_those_under_a_running_lease_or_out_of_claims(DatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var (database, store, clock) = await StartAsync(kind);
        await using var _ = database;
        await store.TryClaimAsync("expired", "lab", "w", TimeSpan.FromMinutes(1), 3, ct);
        await store.TryClaimAsync("running", "lab", "w", Lease, 3, ct);
        clock.Advance(TimeSpan.FromMinutes(2));

        var held = await store.HeldAsync(["expired", "running", "free"], 3, ct);
        var outOfClaims = await store.HeldAsync(["expired", "free"], 1, ct);

        Assert.Equal(["running"], held);
        Assert.Equal(["expired"], outOfClaims);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_job_is_claimed_at_most_max_claims_times_then_abandoned_once(DatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var (database, store, clock) = await StartAsync(kind);
        await using var _ = database;
        var counts = new List<int?>();
        for (var i = 0; i < 3; i++)
        {
            counts.Add(await store.TryClaimAsync(Node, "lab", "w" + i, Lease, 2, ct));
            clock.Advance(Lease);
        }

        var abandoned = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => store.AbandonAsync(Node, 2, ct))));

        Assert.Equal([1, 2, null], counts);
        Assert.Single(abandoned, a => a);
        Assert.Equal("lease", (await store.GetAsync(Node, ct))!.EndedBy);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_claim_of_another_lab_is_never_taken_over(DatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var (database, store, clock) = await StartAsync(kind);
        await using var _ = database;
        await store.TryClaimAsync(Node, "lab-a", "a1", Lease, 3, ct);
        clock.Advance(Lease);

        Assert.Null(await store.TryClaimAsync(Node, "lab-b", "b1", Lease, 3, ct));
        Assert.Equal("lab-a", (await store.GetAsync(Node, ct))!.Lab);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Workers_are_listed_with_when_they_were_last_seen(DatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var (database, store, clock) = await StartAsync(kind);
        await using var _ = database;
        await store.SeenAsync("lab", "w1", ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        await store.SeenAsync("lab", "w2", ct);
        await store.SeenAsync("other", "x", ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        await store.SeenAsync("lab", "w1", ct);

        var workers = await store.WorkersAsync("lab", ct);

        Assert.Equal([("w1", clock.GetUtcNow()), ("w2", clock.GetUtcNow() - TimeSpan.FromMinutes(1))], workers.Select(w => (w.Worker, w.Seen)));
    }
}
