namespace KernelCI.Triage;

/// <summary>The bench hook of `./bench.sh regressions` (docs/regressions.md): parses a log file
/// <paramref name="runs"/> times and reports the fastest run in MB/s (10^6 bytes of the file per second, the file
/// read from the page cache after the first run). The first runs are slower: the JIT compiles the parsers and the
/// source-generated expressions at a higher tier only after they have run a while.</summary>
public static class TriageThroughput
{
    public static async Task<(double MegabytesPerSecond, int Problems)> MeasureAsync(string path, LogKind kind,
        string? loginMarker = null, int runs = 3, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        time ??= TimeProvider.System;
        var best = TimeSpan.MaxValue;
        var problems = 0;
        long length = 0;
        for (var run = 0; run < runs; run++)
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
                FileOptions.SequentialScan | FileOptions.Asynchronous);
            length = file.Length;
            var started = time.GetTimestamp();
            problems = (await LogTriage.ParseAsync(file, kind, loginMarker, cancellationToken).ConfigureAwait(false)).Count;
            var elapsed = time.GetElapsedTime(started);
            best = elapsed < best ? elapsed : best;
        }

        return (length / 1e6 / Math.Max(best.TotalSeconds, 1e-9), problems);
    }
}
