using KernelCI.Bench.KcidbIngest;

namespace KernelCI.Bench.Regressions;

/// <summary>`./bench.sh regressions` options (docs/regressions.md, "Benchmark").</summary>
internal sealed record RegressionsSettings(
    double Scale,
    IReadOnlyList<BenchDatabase> Databases,
    long Seed,
    int Planted,
    int Submissions,
    IReadOnlySet<RegressionsPart> Parts,
    int TriageMegabytes,
    string PostgresServer,
    bool Keep)
{
    public bool Runs(RegressionsPart part) => Parts.Contains(part);

    /// <summary>The parts that need the dataset ingested.</summary>
    public bool NeedsDataset => Runs(RegressionsPart.Detection) || Runs(RegressionsPart.Latency) || Runs(RegressionsPart.Recompute);
}
