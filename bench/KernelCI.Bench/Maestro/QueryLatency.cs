using System.Diagnostics;
using KernelCI.Bench.Infrastructure;
using KernelCI.Data;

namespace KernelCI.Bench.Maestro;

/// <summary>p50/p95 of the pipeline's and kci-dev's typical queries against the filled database.</summary>
internal static class QueryLatency
{
    public static IReadOnlyList<(string Name, Func<int, string> Path)> Queries(DatabaseKind kind, int storedNodes)
    {
        var trees = Math.Max(1, storedNodes / 200);
        return
        [
            ("kci-dev watch: nodes/fast?treeid=", i => $"nodes/fast?treeid=tree-{i * 7919 % trees}"),
            ("kci-dev node/{id}", i => $"node/{(i * 104729 % storedNodes + 1):x24}"),
            ("kci-dev validate builds", i => $"nodes/fast?kind=kbuild&data.kernel_revision.url=https://git/{i * 7919 % trees % 20}&data.kernel_revision.branch=master&data.kernel_revision.commit={NodeFill.Commit(kind, i * 7919 % trees)}&state__ne=running"),
            ("kci-dev validate boots", i => $"nodes/fast?name__re=^n2&data.kernel_revision.commit={NodeFill.Commit(kind, i * 7919 % trees)}&state=done"),
            ("timeout sweep", _ => "nodes/fast?state=running&timeout__lt=2026-01-01T00:10:00.000000&limit=100"),
            ("kcidb bridge sweep (last hour)", _ => $"nodes/fast?state=done&processed_by_kcidb_bridge=false&created__gt={LastHour(storedNodes)}&limit=100"),
            ("scheduler: kind+state, newest first", _ => "nodes/fast?kind=checkout&state=done&sort=-created&limit=10"),
            ("nodes?kind=checkout&limit=1 (with total)", _ => "nodes?kind=checkout&limit=1"),
            ("children of a checkout", i => $"nodes/fast?parent={(i * 7919 % trees * 200):x24}"),
        ];
    }

    // The fill spaces nodes one second apart from 2026-01-01, so the newest hour is the last 3,600 nodes.
    private static string LastHour(int storedNodes) =>
        new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(Math.Max(0, storedNodes - 3600)).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<List<(string Name, double P50, double P95)>> RunAsync(HttpClient http, DatabaseKind kind, int storedNodes, int repeats, CancellationToken cancellationToken)
    {
        var results = new List<(string, double, double)>();
        foreach (var (name, path) in Queries(kind, storedNodes))
        {
            var timings = new List<double>();
            for (var i = 0; i < repeats + 5; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync(new Uri(path(i), UriKind.Relative), cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new BenchFailure($"{path(i)}: {(int)response.StatusCode} {body}");
                }

                if (i >= 5)
                {
                    timings.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            timings.Sort();
            results.Add((name, Percentiles.Of(timings, 50), Percentiles.Of(timings, 95)));
        }

        return results;
    }
}
