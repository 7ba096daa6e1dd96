using KernelCI.Client.Kcidb.Regressions;
using KernelCI.Notifications.Feed;

namespace KernelCI.Notifications.Tests;

/// <summary>KCIDB's change feed as a list: each push is one change with the next number; a read gives the changes
/// after the number asked (all of them with <see cref="IgnoreCursor"/>, as a reader that lost its place would see).</summary>
internal sealed class FakeFeed : IRegressionFeed
{
    private readonly List<KcidbRegressionChange> _changes = [];

    public bool IgnoreCursor { get; set; }

    public void Push(params KcidbRegression[] regressions)
    {
        lock (_changes)
        {
            foreach (var regression in regressions)
            {
                _changes.Add(new KcidbRegressionChange(_changes.Count + 1, regression.Id, regression));
            }
        }
    }

    public Task<KcidbRegressionChanges> ReadAsync(long after, TimeSpan wait, CancellationToken cancellationToken)
    {
        lock (_changes)
        {
            var page = _changes.Where(c => IgnoreCursor || c.Seq > after).ToList();
            return Task.FromResult(new KcidbRegressionChanges(page, page.Count > 0 ? page[^1].Seq : after));
        }
    }
}
