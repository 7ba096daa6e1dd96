using KernelCI.Bench.KcidbIngest;

namespace KernelCI.Bench.Dashboard;

internal sealed record DashboardSettings(
    double Scale,
    IReadOnlyList<BenchDatabase> Databases,
    long Seed,
    int WarmRequests,
    int ColdRequests,
    int BaselineRequests,
    string PostgresServer,
    bool Keep);
