using KernelCI.Data;
using KernelCI.Kcidb.Regressions;
using KernelCI.Kcidb.Tests.Store;
using KernelCI.Testing;
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
}
