using KernelCI.Bench.Infrastructure;
using KernelCI.Bench.KcidbIngest.Baseline;
using KernelCI.Bench.KcidbIngest.Ingest;

namespace KernelCI.Bench.KcidbIngest.Report;

internal sealed record BenchReport(
    string Scenario,
    DateTimeOffset StartedAt,
    int ProcessorCount,
    string Os,
    int Concurrency,
    DatasetSummary Dataset,
    IReadOnlyList<ServerRunResult> Runs,
    CopyResult? Copy,
    IReadOnlyList<TargetResult> Targets);
