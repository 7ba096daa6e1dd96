using KernelCI.Bench.Infrastructure;
using KernelCI.Bench.Storage.Transfers;

namespace KernelCI.Bench.Storage.Report;

internal sealed record StorageReport(
    string Scenario,
    DateTimeOffset StartedAt,
    int ProcessorCount,
    string Os,
    StorageSettings Settings,
    double? DiskWriteMBps,
    IReadOnlyList<UploadResult> Uploads,
    IReadOnlyList<DownloadComparison> Downloads,
    MemoryWindow? Memory,
    IReadOnlyList<TargetResult> Targets);
