using KernelCI.Bench.Infrastructure;
using KernelCI.Bench.KcidbIngest.Baseline;
using KernelCI.Bench.KcidbIngest.Ingest;

namespace KernelCI.Bench.KcidbIngest.Report;

/// <summary>The kcidb-ingest goals: PostgreSQL ≥ 50% of COPY, SQLite ≥ 100,000 objects/s, server ≤ 1 GiB, query p95 ≤ 50 ms.</summary>
internal static class Targets
{
    public const double CopyRatio = 0.5;
    public const double SqliteObjectsPerSecond = 100_000;
    public const long PeakMemoryBytes = 1L << 30;
    public const double QueryP95Ms = 50;

    public static IReadOnlyList<TargetResult> Evaluate(IReadOnlyList<ServerRunResult> runs, CopyResult? copy)
    {
        var targets = new List<TargetResult>();
        var postgres = runs.FirstOrDefault(r => r.Database == BenchDatabase.PostgreSql);
        var sqlite = runs.FirstOrDefault(r => r.Database == BenchDatabase.Sqlite);
        targets.Add(postgres is not null && copy is not null
            ? Compare("PostgreSQL ingest / COPY", postgres.ObjectsPerSecond / copy.RowsPerSecond, CopyRatio, v => $"{v:P0}", atLeast: true)
            : new TargetResult("PostgreSQL ingest / COPY", "not run", $"≥ {CopyRatio:P0}", null));
        targets.Add(sqlite is not null
            ? Compare("SQLite ingest objects/s", sqlite.ObjectsPerSecond, SqliteObjectsPerSecond, v => $"{v:N0}", atLeast: true)
            : new TargetResult("SQLite ingest objects/s", "not run", $"≥ {SqliteObjectsPerSecond:N0}", null));
        foreach (var run in runs)
        {
            var name = Label(run.Database);
            targets.Add(Compare($"{name} server peak RSS", run.OverallMemory.PeakBytes, PeakMemoryBytes, v => $"{v / (1 << 20):N0} MiB", atLeast: false));
            var worst = run.Queries.MaxBy(q => q.P95Ms);
            var errors = run.Queries.Sum(q => q.Errors);
            targets.Add(worst is null
                ? new TargetResult($"{name} query p95", "not run", $"≤ {QueryP95Ms} ms", null)
                : new TargetResult(
                    $"{name} query p95 (worst endpoint)",
                    $"{worst.P95Ms:F1} ms ({worst.Endpoint})" + (errors > 0 ? $", {errors} errors" : string.Empty),
                    $"≤ {QueryP95Ms} ms",
                    worst.P95Ms <= QueryP95Ms && errors == 0));
        }

        return targets;
    }

    public static string Label(BenchDatabase database) => database == BenchDatabase.PostgreSql ? "PostgreSQL" : "SQLite";

    private static TargetResult Compare(string name, double value, double goal, Func<double, string> format, bool atLeast) =>
        new(name, format(value), (atLeast ? "≥ " : "≤ ") + format(goal), atLeast ? value >= goal : value <= goal);
}
