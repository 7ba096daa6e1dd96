using KernelCI.Client.Kcidb.Regressions;

namespace KernelCI.Notifications.Feed;

/// <summary>KCIDB's regression change feed (docs/regressions.md, "The change feed").</summary>
internal interface IRegressionFeed
{
    Task<KcidbRegressionChanges> ReadAsync(long after, TimeSpan wait, CancellationToken cancellationToken);
}
