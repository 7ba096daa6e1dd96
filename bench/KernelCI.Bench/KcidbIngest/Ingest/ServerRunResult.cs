using KernelCI.Bench.Infrastructure;
using KernelCI.Bench.KcidbIngest.Queries;

namespace KernelCI.Bench.KcidbIngest.Ingest;

/// <summary>One database's figures: ingestion from the first byte sent until the counts checked out, then queries.</summary>
internal sealed record ServerRunResult(
    BenchDatabase Database,
    long Objects,
    int Submissions,
    double UploadSeconds,
    double IngestSeconds,
    double ServerCpuSeconds,
    double? BackendCpuSeconds,
    MemoryPeak IngestMemory,
    MemoryPeak OverallMemory,
    IReadOnlyDictionary<string, long> RowCounts,
    IReadOnlyList<EndpointLatency> Queries)
{
    public double ObjectsPerSecond => Objects / IngestSeconds;

    // Steadier than the wall clock on a shared machine: what the lead compares between runs of different loads.
    public double ServerCpuMicrosecondsPerObject => ServerCpuSeconds * 1e6 / Objects;

    // On PostgreSQL most of the work is in its backends (PostgresBackendCpu): the server and they together are the
    // figure an A/B compares there. Null on SQLite, or when the backends' /proc entries cannot be read.
    public double? TotalCpuMicrosecondsPerObject => BackendCpuSeconds is { } backend ? (ServerCpuSeconds + backend) * 1e6 / Objects : null;
}
