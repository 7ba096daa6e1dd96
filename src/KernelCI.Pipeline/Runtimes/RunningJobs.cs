using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes;

/// <summary>The jobs local runtimes run in the background after SubmitAsync returned. Stopping the host (or disposing
/// the provider) cancels them and waits, so no build or QEMU outlives the process and no write lands after shutdown.</summary>
internal sealed partial class RunningJobs(ILogger<RunningJobs> logger) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly HashSet<Task> _tasks = [];
    private int _disposed;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _tasks.Count;
            }
        }
    }

    /// <summary>Runs <paramref name="job"/> on the thread pool; its token is cancelled when the host stops.</summary>
    public void Start(Func<CancellationToken, Task> job)
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        var task = Task.Run(async () =>
        {
            try
            {
                await job(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                // The node stays running; the timeout service ends it, and the log says why.
                Failed(logger, e);
            }
        });
        lock (_lock)
        {
            _tasks.Add(task);
        }

        task.ContinueWith(t =>
        {
            lock (_lock)
            {
                _tasks.Remove(t);
            }
        }, TaskScheduler.Default);
    }

    /// <summary>Waits until every job started so far has finished (tests use it to observe a finished job).</summary>
    public Task WhenIdleAsync()
    {
        lock (_lock)
        {
            return Task.WhenAll(_tasks.ToArray());
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        try
        {
            await WhenIdleAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    // The container disposes this once as a singleton and once as the hosted service it also is.
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Dispose();
        }
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Error, Message = "a runtime job failed before writing its result")]
    private static partial void Failed(ILogger logger, Exception exception);
}
