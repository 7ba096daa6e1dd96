using KernelCI.Data;
using KernelCI.Pipeline.Services.Patchwork;
using KernelCI.Testing;

namespace KernelCI.Pipeline.Tests.Services.Patchwork;

public sealed class PatchworkStoreTests
{
    private const string Source = "https://patchwork.example.org#netdevbpf";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<(TestDatabase Database, PatchworkStore Store)> StoreAsync(DatabaseKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        await Migrator.ApplyAsync(database.Database, new PipelineComponent().Migrations);
        return (database, new PatchworkStore(database.Database, TimeProvider.System));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_series_is_taken_once(DatabaseKind kind)
    {
        var (database, store) = await StoreAsync(kind);
        await using var _ = database;

        Assert.True(await store.TakeAsync(Source, 7, Token));
        Assert.False(await store.TakeAsync(Source, 7, Token));
        Assert.True(await store.TakeAsync(Source + "2", 7, Token));
        Assert.Equal(1, Assert.Single(await store.WithStatusAsync(Source, "new", Token)).Run);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_check_is_recorded_once_and_posted_once(DatabaseKind kind)
    {
        var (database, store) = await StoreAsync(kind);
        await using var _ = database;
        var check = new PendingCheck(11, 1, "kernelci-build", "pending", "http://d/x", "testing");

        Assert.True(await store.AddCheckAsync(Source, 7, check, Token));
        Assert.False(await store.AddCheckAsync(Source, 7, check with { Description = "again" }, Token));
        Assert.Equal(check, Assert.Single(await store.UnpostedAsync(Source, Token)));
        await store.MarkPostedAsync(Source, check, Token);

        Assert.Empty(await store.UnpostedAsync(Source, Token));
        Assert.Equal(["pending"], await store.StatesAsync(Source, 11, 1, "kernelci-build", Token));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Retest_takes_the_next_run_only_once_the_last_one_ended(DatabaseKind kind)
    {
        var (database, store) = await StoreAsync(kind);
        await using var _ = database;
        await store.TakeAsync(Source, 7, Token);

        Assert.Null(await store.RetestAsync(Source, 7, Token));
        var first = Assert.Single(await store.WithStatusAsync(Source, "new", Token));
        await store.UpdateAsync(first with { Status = "done", Patches = [11, 12] }, Token);

        Assert.Equal(2, await store.RetestAsync(Source, 7, Token));
        Assert.Equal([11L, 12L], Assert.Single(await store.WithStatusAsync(Source, "done", Token)).Patches);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Retest_of_a_series_the_selection_skipped_is_ignored(DatabaseKind kind)
    {
        var (database, store) = await StoreAsync(kind);
        await using var _ = database;
        await store.TakeAsync(Source, 7, Token);
        var first = Assert.Single(await store.WithStatusAsync(Source, "new", Token));
        await store.UpdateAsync(first with { Status = "skipped" }, Token);

        Assert.Null(await store.RetestAsync(Source, 7, Token));
        Assert.Equal(1, await store.RetestAsync(Source, 8, Token));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Cursor_is_kept_per_source_and_category(DatabaseKind kind)
    {
        var (database, store) = await StoreAsync(kind);
        await using var _ = database;

        Assert.Null(await store.CursorAsync(Source, "series-completed", Token));
        await store.SetCursorAsync(Source, "series-completed", "2026-12-07T06:45:46.675674", 8, Token);
        await store.SetCursorAsync(Source, "series-completed", "2026-12-07T06:50:00", 9, Token);

        Assert.Equal(("2026-12-07T06:50:00", 9L), await store.CursorAsync(Source, "series-completed", Token));
        Assert.Null(await store.CursorAsync(Source, "patch-comment-created", Token));
    }
}
