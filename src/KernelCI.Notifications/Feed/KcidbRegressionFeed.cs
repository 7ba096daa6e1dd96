using KernelCI.Client.Kcidb;
using KernelCI.Client.Kcidb.Regressions;

namespace KernelCI.Notifications.Feed;

/// <summary>The feed through the same client and call the pipeline's `regressions` service reads it with.</summary>
internal sealed class KcidbRegressionFeed(KcidbClient kcidb) : IRegressionFeed
{
    public Task<KcidbRegressionChanges> ReadAsync(long after, TimeSpan wait, CancellationToken cancellationToken) =>
        kcidb.RegressionChangesAsync(after, wait, 100, cancellationToken);
}
