using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KernelCI.Bench.Dashboard;
using KernelCI.Bench.Infrastructure;
using KernelCI.Bench.KcidbIngest.Dataset;

namespace KernelCI.Bench.Regressions;

/// <summary>
/// Time from a result's ingestion to its regression record: new checkouts of mainline/master submitted one at a time
/// after the bulk load, each with one passing build and one failing test of a series that has only passed (slot i's
/// test <see cref="PlantedSeries.MaxOrdinal"/>+1, never planted), timed from the submission's answer until
/// <c>GET /api/regressions</c> lists the regression with the new commit as its first bad one. The benchmark is a
/// client: it polls the API every few milliseconds, which the server never does.
/// </summary>
internal static class RegressionLatency
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<List<double>> MeasureAsync(IngestedDashboard dashboard, DatasetGenerator generator, int submissions, string workDirectory,
        TextWriter output, CancellationToken cancellationToken)
    {
        var tree = Vocabulary.Trees[0];
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{dashboard.BasePort}/"), Timeout = TimeSpan.FromSeconds(30) };
        var newest = generator.Checkout(Enumerable.Range(0, generator.Shape.Checkouts).Last(c => CheckoutFactory.TreeOf(c) == tree));
        var seconds = new List<double>();
        for (var i = 0; i < submissions; i++)
        {
            var slot = i;
            var (architecture, compiler, config, suite) = PlantedSeries.SlotTraits(slot);
            var platform = PlantedSeries.PlatformOf(TestFactory.PlatformsOf(architecture), slot).Name;
            var path = suite.PathOf(PlantedSeries.MaxOrdinal);
            var hash = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"bench-regressions-{generator.Seed}-{i}")));
            var start = newest.StartTime.AddHours(1 + i);
            var document = Path.Combine(workDirectory, $"latency-{i}.json");
            await File.WriteAllTextAsync(document, JsonSerializer.Serialize(new
            {
                version = new { major = 5, minor = 3 },
                checkouts = new[] { new { id = $"maestro:bench-latency-c{i}", origin = "maestro", tree_name = tree.Name, git_repository_url = tree.Url,
                    git_repository_branch = newest.GitRepositoryBranch, git_commit_hash = hash, start_time = start, valid = true } },
                builds = new[] { new { id = $"maestro:bench-latency-b{i}", origin = "maestro", checkout_id = $"maestro:bench-latency-c{i}",
                    start_time = start.AddMinutes(5), architecture, compiler, config_name = config, status = "PASS" } },
                tests = new[] { new { id = $"maestro:bench-latency-t{i}", origin = "maestro", build_id = $"maestro:bench-latency-b{i}",
                    start_time = start.AddMinutes(30), path, status = "FAIL", environment = new { misc = new { platform } } } },
            }), cancellationToken);
            var query = $"api/regressions?tree_name={tree.Name}&git_repository_branch={Uri.EscapeDataString(newest.GitRepositoryBranch)}" +
                $"&path={Uri.EscapeDataString(path)}&config_name={Uri.EscapeDataString(config)}&architecture={architecture}&platform={platform}&limit=500";

            await dashboard.Kcidb.SubmitAsync(document, cancellationToken);
            var stopwatch = Stopwatch.StartNew();
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
            while (!await VisibleAsync(http, query, hash, cancellationToken))
            {
                if (stopwatch.Elapsed > Timeout)
                {
                    throw new BenchFailure($"submission {i}: no regression with first bad commit {hash} after {Timeout.TotalSeconds} s ({query})");
                }

                await timer.WaitForNextTickAsync(cancellationToken);
            }

            seconds.Add(stopwatch.Elapsed.TotalSeconds);
        }

        await output.WriteLineAsync($"[{dashboard.Name}] latency: {string.Join(", ", seconds.Select(s => s.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))} s");
        return seconds;
    }

    private static async Task<bool> VisibleAsync(HttpClient http, string query, string hash, CancellationToken cancellationToken)
    {
        using var reply = await http.GetFromJsonAsync<JsonDocument>(query, cancellationToken)
            ?? throw new BenchFailure($"GET {query} answered nothing");
        return reply.RootElement.GetProperty("items").EnumerateArray()
            .Any(item => item.GetProperty("first_bad_commit").GetString() == hash);
    }
}
