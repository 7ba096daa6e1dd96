using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using KernelCI.Bench.Dashboard;

namespace KernelCI.Bench.Regressions;

/// <summary>After a bulk load the tracker is still recomputing the branches the last batches touched, on its own worker,
/// and tells nobody outside the process when it is done. Its queue is first in, first out, so the benchmark (a client)
/// submits a sentinel after the load, a branch of its own whose second commit fails, and waits until
/// <c>GET /api/regressions</c> lists the sentinel's regression: everything queued before it has been recomputed by then.</summary>
internal static class TrackerSettle
{
    public const string SentinelTree = "bench-sentinel";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(60);

    /// <summary>Seconds from the call until the sentinel's regression was listed.</summary>
    public static async Task<double> WaitAsync(IngestedDashboard dashboard, string workDirectory, CancellationToken cancellationToken)
    {
        var document = Path.Combine(workDirectory, "sentinel.json");
        object Checkout(int i) => new { id = $"maestro:bench-sentinel-c{i}", origin = "maestro", tree_name = SentinelTree, git_repository_branch = "barrier",
            git_commit_hash = new string((char)('a' + i), 40), start_time = DateTimeOffset.UnixEpoch.AddDays(1 + i) };
        object Build(int i) => new { id = $"maestro:bench-sentinel-b{i}", origin = "maestro", checkout_id = $"maestro:bench-sentinel-c{i}", status = "PASS",
            architecture = "x86_64", compiler = "gcc-12", config_name = "tinyconfig" };
        object Test(int i) => new { id = $"maestro:bench-sentinel-t{i}", origin = "maestro", build_id = $"maestro:bench-sentinel-b{i}", path = "boot",
            status = i == 0 ? "PASS" : "FAIL", start_time = DateTimeOffset.UnixEpoch.AddDays(1 + i).AddHours(1) };
        await File.WriteAllTextAsync(document, JsonSerializer.Serialize(new
        {
            version = new { major = 5, minor = 3 },
            checkouts = new[] { Checkout(0), Checkout(1) },
            builds = new[] { Build(0), Build(1) },
            tests = new[] { Test(0), Test(1) },
        }), cancellationToken);

        var stopwatch = Stopwatch.StartNew();
        await dashboard.Kcidb.SubmitAsync(document, cancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{dashboard.BasePort}/"), Timeout = TimeSpan.FromSeconds(60) };
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            using var reply = await http.GetFromJsonAsync<JsonDocument>($"api/regressions?tree_name={SentinelTree}", cancellationToken);
            if (reply!.RootElement.GetProperty("items").GetArrayLength() > 0)
            {
                return stopwatch.Elapsed.TotalSeconds;
            }

            if (stopwatch.Elapsed > Timeout)
            {
                throw new BenchFailure($"the tracker had not reached the sentinel {Timeout.TotalMinutes} min after ingestion");
            }
        }

        return stopwatch.Elapsed.TotalSeconds;
    }
}
