using KernelCI.Client.Watching;

namespace KernelCI.KciDev.Tests.Watching;

/// <summary>Progress reported synchronously (<see cref="Progress{T}"/> posts later, out of order), and a way to wait for
/// a given update.</summary>
internal sealed class RecordedProgress : IProgress<WatchUpdate>
{
    private readonly List<(Func<WatchUpdate, bool> Match, TaskCompletionSource Seen)> _waiters = [];

    public List<WatchUpdate> Updates { get; } = [];

    public void Report(WatchUpdate value)
    {
        lock (_waiters)
        {
            Updates.Add(value);
            foreach (var waiter in _waiters.Where(w => w.Match(value)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public Task WaitForAsync(WatchUpdateKind kind) => WaitForAsync(u => u.Kind == kind);

    public Task WaitForAsync(Func<WatchUpdate, bool> match)
    {
        lock (_waiters)
        {
            if (Updates.Any(match))
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, seen));
            return seen.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }
    }
}
