namespace KernelCI.Triage;

/// <summary>The bench hook of `./bench.sh regressions` (docs/regressions.md): parses a log file and reports MB/s
/// (10^6 bytes of the file per second of parsing, the file read from the page cache).</summary>
public static class TriageThroughput
{
    public static async Task<(double MegabytesPerSecond, int Problems)> MeasureAsync(string path, LogKind kind,
        string? loginMarker = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        time ??= TimeProvider.System;
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
            FileOptions.SequentialScan | FileOptions.Asynchronous);
        var started = time.GetTimestamp();
        var problems = await LogTriage.ParseAsync(file, kind, loginMarker, cancellationToken).ConfigureAwait(false);
        var seconds = time.GetElapsedTime(started).TotalSeconds;
        return (file.Length / 1e6 / Math.Max(seconds, 1e-9), problems.Count);
    }
}
