using System.Collections.Concurrent;
using KernelCI.Data;

namespace KernelCI.Kcidb.Regressions.Feed;

/// <summary>Wakes the change feed's blocking readers (<c>GET /api/regressions/changes?wait=</c>) when this process
/// committed a regression change: one per database, keyed by its connection string as <see cref="Store.CheckoutChanges"/>.
/// A reader takes <see cref="Next"/> before it queries, so a change committed between its query and its wait still
/// wakes it. Changes committed by another process wake nobody here: the reader's wait then ends at its timeout and the
/// next query finds them (docs/regressions.md, "The change feed").</summary>
public sealed class RegressionChanges
{
    private static readonly ConcurrentDictionary<string, RegressionChanges> ByDatabase = new(StringComparer.Ordinal);

    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static RegressionChanges For(Database database) => ByDatabase.GetOrAdd(database.ConnectionString, _ => new RegressionChanges());

    /// <summary>Completes at the next <see cref="Notify"/>.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
