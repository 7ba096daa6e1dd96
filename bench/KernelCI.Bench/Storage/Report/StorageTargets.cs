using KernelCI.Bench.Infrastructure;
using KernelCI.Bench.Storage.Transfers;

namespace KernelCI.Bench.Storage.Report;

/// <summary>The storage goals: every download ≥ 90% of nginx, a 1 GiB upload ≥ 500 MB/s, memory flat while streaming.</summary>
internal static class StorageTargets
{
    public const double NginxRatio = 0.9;
    public const double GibUploadMBps = 500;

    // "Flat" for a 1 GiB stream: the transfer may not grow the process by more than a few buffers' worth.
    public const long MaxGrowthBytes = 64L << 20;

    public static IReadOnlyList<TargetResult> Evaluate(IReadOnlyList<UploadResult> uploads, IReadOnlyList<DownloadComparison> downloads, MemoryWindow? memory)
    {
        var targets = downloads
            .Select(d => new TargetResult($"download {d.Workload} / nginx", $"{d.Ratio:P0}", $"≥ {NginxRatio:P0}", d.Ratio >= NginxRatio))
            .ToList();
        var gib = uploads.FirstOrDefault(u => u.Workload == StorageWorkloads.Gib);
        targets.Add(gib is null
            ? new TargetResult("upload 1 GiB", "not run", $"≥ {GibUploadMBps} MB/s", null)
            : new TargetResult("upload 1 GiB", $"{gib.Ours.MegabytesPerSecond:F0} MB/s" + (gib.NginxPut is { } put ? $" (nginx PUT {put.MegabytesPerSecond:F0})" : ""), $"≥ {GibUploadMBps} MB/s", gib.Ours.MegabytesPerSecond >= GibUploadMBps));
        targets.Add(memory is null
            ? new TargetResult("RSS growth during 1 GiB transfers", "not run", $"≤ {Mib(MaxGrowthBytes)}", null)
            : new TargetResult("RSS growth during 1 GiB transfers", $"{Mib(memory.GrowthBytes)} ({Mib(memory.BaselineBytes)} → {Mib(memory.PeakBytes)})",
                $"≤ {Mib(MaxGrowthBytes)}", memory.GrowthBytes <= MaxGrowthBytes));
        return targets;
    }

    public static string Mib(long bytes) => $"{bytes / (double)(1 << 20):F0} MiB";
}
