namespace KernelCI.Bench.Infrastructure;

/// <summary>Reads /proc/PID/status every 100 ms until disposed; <see cref="Peak"/> can be read at any time.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly string _statusPath;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _maxRss;
    private long _highWaterMark;
    private int _samples;

    public MemorySampler(int processId)
    {
        _statusPath = $"/proc/{processId}/status";
        _loop = Task.Run(LoopAsync);
    }

    public MemoryPeak Peak => new(Interlocked.Read(ref _maxRss), Interlocked.Read(ref _highWaterMark), Volatile.Read(ref _samples));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            if (!Sample())
            {
                return;
            }
        }
        while (await WaitAsync(timer));
    }

    private async Task<bool> WaitAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // Returns false once the process is gone.
    private bool Sample()
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(_statusPath);
        }
        catch (IOException)
        {
            return false;
        }

        foreach (var line in lines)
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                Interlocked.Exchange(ref _maxRss, Math.Max(_maxRss, Kilobytes(line) * 1024));
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                Interlocked.Exchange(ref _highWaterMark, Math.Max(_highWaterMark, Kilobytes(line) * 1024));
            }
        }

        Interlocked.Increment(ref _samples);
        return true;
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
