using KernelCI.Bench.KcidbIngest;

namespace KernelCI.Bench.DashboardPages;

/// <summary>`./bench.sh dashboard-pages` options. With <see cref="SqliteData"/> (a data folder) or <see cref="CopyDatabase"/> (a
/// database name on the PostgreSQL server) the run copies data ingested before instead of ingesting the dataset.</summary>
internal sealed record PagesSettings(
    double Scale,
    IReadOnlyList<BenchDatabase> Databases,
    long Seed,
    int Requests,
    int WarmUp,
    int Loads,
    string PostgresServer,
    string? SqliteData,
    string? CopyDatabase,
    IReadOnlyCollection<string> Pages,
    bool Keep);
