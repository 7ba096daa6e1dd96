namespace KernelCI.Bench.KcidbIngest;

internal sealed record IngestSettings(
    double Scale,
    IReadOnlyList<BenchDatabase> Databases,
    long Seed,
    int Concurrency,
    int QueriesPerEndpoint,
    int ObjectsPerFile,
    string PostgresServer,
    bool GenerateOnly,
    bool CheckDataset,
    bool Baseline,
    bool Keep,
    bool DashboardAggregates,
    bool TrackRegressions);
