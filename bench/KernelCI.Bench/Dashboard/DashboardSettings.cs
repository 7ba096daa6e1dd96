using KernelCI.Bench.KcidbIngest;

namespace KernelCI.Bench.Dashboard;

/// <summary>`./bench.sh dashboard` options. With <see cref="SqliteData"/> (a data folder) or <see cref="CopyDatabase"/> (a
/// PostgreSQL database) the run reuses data ingested before (copied or cloned, never written) instead of ingesting: a
/// scale-5 run then takes minutes, not the quarter of an hour its ingestion does.</summary>
internal sealed record DashboardSettings(
    double Scale,
    IReadOnlyList<BenchDatabase> Databases,
    long Seed,
    int WarmRequests,
    int ColdRequests,
    int BaselineRequests,
    string PostgresServer,
    bool Keep,
    string? SqliteData = null,
    string? CopyDatabase = null);
