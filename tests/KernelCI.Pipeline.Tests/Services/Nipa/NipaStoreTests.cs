using KernelCI.Data;
using KernelCI.Pipeline.Services.Nipa;
using KernelCI.Testing;

namespace KernelCI.Pipeline.Tests.Services.Nipa;

public sealed class NipaStoreTests
{
    private static readonly DateTime T0 = new(2026, 12, 5, 15, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task An_entry_is_added_once_taken_over_only_by_a_later_checkout_while_in_progress_and_finished_only_by_its_owner(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await Migrator.ApplyAsync(database.Database, new PipelineComponent().Migrations);
        var store = new NipaStore(database.Database, TimeProvider.System);

        Assert.True((await store.StartAsync("e", "b", "c1", T0, Token)).Changed);
        Assert.False((await store.StartAsync("e", "b", "c1", T0, Token)).Changed);
        Assert.False((await store.StartAsync("e", "b", "c0", T0.AddMinutes(-1), Token)).Changed);
        var (taken, changed) = await store.StartAsync("e", "b", "c2", T0.AddMinutes(1), Token);
        Assert.True(changed);
        Assert.Equal("c2", taken.CheckoutId);

        Assert.False(await store.FinishAsync("e", "b", "c1", "http://s/results-c1.json", Token));
        Assert.True(await store.FinishAsync("e", "b", "c2", "http://s/results-c2.json", Token));
        Assert.False((await store.StartAsync("e", "b", "c3", T0.AddMinutes(2), Token)).Changed);

        var run = Assert.Single(await store.AllAsync(Token));
        Assert.Equal(new NipaRun("e", "b", "c2", T0.AddMinutes(1), "http://s/results-c2.json"), run);
        Assert.Empty(await store.InProgressAsync("e", Token));
    }
}
