using KernelCI.Data;
using KernelCI.Kcidb.Regressions;
using KernelCI.Kcidb.Tests.Store;
using KernelCI.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace KernelCI.Kcidb.Tests.Regressions;

public sealed class RegressionTrackerTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Ingested_failure_after_a_pass_becomes_a_regression_without_being_asked(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        using var tracker = new RegressionTracker(context.Database, context.Time, NullLogger<RegressionTracker>.Instance);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tracker.Recomputed += (_, series) =>
        {
            if (series > 0)
            {
                done.TrySetResult();
            }
        };
        await tracker.StartAsync(TestContext.Current.CancellationToken);

        await RegressionRecomputeTests.IngestAsync(context, "PPF");
        await done.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await tracker.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal("open", Assert.Single(await RegressionRecomputeTests.RowsAsync(context)).State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Checkouts_the_busy_database_refused_are_analysed_again_after_a_pause(DatabaseKind kind)
    {
        await using var context = await StoreContext.CreateAsync(kind);
        var attempts = new List<IReadOnlyList<string>>();
        var refused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var tracker = new RegressionTracker(context.Database, context.Time, NullLogger<RegressionTracker>.Instance)
        {
            Recompute = async (checkouts, cancellationToken) =>
            {
                lock (attempts)
                {
                    attempts.Add([.. checkouts]);
                    if (attempts.Count == 1)
                    {
                        refused.TrySetResult();
                        throw new SqliteException("database is locked", 5);
                    }
                }

                return await RegressionRecompute.ForCheckoutsAsync(context.Database, checkouts, context.Time, cancellationToken);
            },
        };
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tracker.Recomputed += (_, series) =>
        {
            if (series > 0)
            {
                done.TrySetResult();
            }
        };
        await tracker.StartAsync(TestContext.Current.CancellationToken);

        await RegressionRecomputeTests.IngestAsync(context, "PPF");
        await refused.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        // The pause is on the fake clock: move it on until the retry has run (the timer may be armed a moment later).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!done.Task.IsCompleted && DateTime.UtcNow < deadline)
        {
            context.Time.Advance(RegressionTracker.FirstBackoff);
            await Task.WhenAny(done.Task, Task.Delay(20, TestContext.Current.CancellationToken));
        }

        await tracker.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(done.Task.IsCompleted, "the refused checkouts were never analysed again");
        Assert.Subset(attempts.Skip(1).SelectMany(a => a).ToHashSet(), attempts[0].ToHashSet());
        Assert.Equal("open", Assert.Single(await RegressionRecomputeTests.RowsAsync(context)).State);
    }
}
