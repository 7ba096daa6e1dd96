using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KernelCI.Bench.Pipeline;
using KernelCI.Pipeline.Runtimes;
using KernelCI.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Bench.Patchwork;

/// <summary>A real Patchwork 3.1.3 (../shared/vendor/patchwork.sh) followed by the whole system in this process (as
/// `serve`), builds replaced by <see cref="FakeKbuild"/> (no boot job): so what is timed is our orchestration, from
/// Patchwork's `series-completed` event to the checks, all times read from Patchwork's own clock (event and check
/// dates). Throughput: <c>queued</c> one-patch series loaded before the service starts, handled from its start to the
/// last final check. Latency: 3-patch series sent one at a time while it runs. Poll periods are 1 s here (defaults:
/// Patchwork 30 s, patchset 30 s), which bound the latency.</summary>
internal sealed class PatchworkBenchmark(int queued, int latencyRuns, TextWriter output)
{
    private const string Token = "0123456789abcdef0123456789abcdef01234567";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private string _url = "";
    private string _env = "";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("kernelci-bench-patchwork-").FullName;
        var pid = 0;
        try
        {
            var port = FreePort.BasePort();
            var run = await ProcessRun.RunAsync(Path.Combine(RepositoryPaths.VendorDirectory, "patchwork.sh"),
                [Path.Combine(root, "pw"), port.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(5));
            if (run.ExitCode != 0)
            {
                throw new BenchFailure($"patchwork.sh failed: {run}");
            }

            pid = int.Parse(run.Output.Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
            _url = $"http://127.0.0.1:{port}";
            _env = Path.Combine(root, "pw", "env.sh");
            var tree = await SeriesTree.CreateAsync(Path.Combine(root, "tree"));

            await output.WriteLineAsync($"patchwork: loading {queued} one-patch series into Patchwork before the service starts");
            await IngestAsync(await tree.SeriesAsync("q", queued, 1), cancellationToken);

            var config = WriteConfig(root, tree.Url);
            var settings = WriteSettings(root);
            var data = Path.Combine(root, "data");
            Directory.CreateDirectory(data);
            await File.WriteAllTextAsync(Path.Combine(data, "secrets.json"), new JsonObject { ["patchwork-netdevbpf"] = Token }.ToJsonString(), cancellationToken);
            var kernel = new TaskCompletionSource<string>();
            kernel.SetResult("http://127.0.0.1:1/none");
            var started = await NowOnPatchworkAsync(cancellationToken);
            await using var deployment = await Deployment.StartAsync(data, config, settings,
                services => services.AddSingleton<IRuntimeFactory>(sp => new FakeKbuildFactory(
                    sp.GetRequiredService<KernelCI.Client.Maestro.MaestroClient>(), kernel.Task)), cancellationToken);

            var throughput = await WaitForFinalsAsync("q:", queued, TimeSpan.FromMinutes(30), cancellationToken);
            var last = throughput.Max(s => s.Final);
            var minutes = (last - started).TotalMinutes;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"throughput: {queued} series queued at once, all final after {(last - started).TotalSeconds:F1} s: {queued / minutes:F1} series/min"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"throughput: event to first pending p50 {Percentile(throughput.Select(s => s.Pending - s.Event), 0.5):F1} s (queued before start)"));

            var latencies = new List<SeriesTimes>();
            for (var i = 0; i < latencyRuns; i++)
            {
                var tag = $"l{i}:";
                await IngestAsync(await tree.SeriesAsync($"l{i}", 1, 3), cancellationToken);
                latencies.AddRange(await WaitForFinalsAsync(tag, 1, TimeSpan.FromMinutes(10), cancellationToken));
            }

            foreach (var s in latencies)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"latency: series {s.Series}: event to first pending {(s.Pending - s.Event).TotalSeconds:F1} s, to final build check {(s.Final - s.Event).TotalSeconds:F1} s (fake build: all orchestration)"));
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"latency: p50 event to pending {Percentile(latencies.Select(s => s.Pending - s.Event), 0.5):F1} s, to final {Percentile(latencies.Select(s => s.Final - s.Event), 0.5):F1} s (targets: 5 s, 10 s)"));
            return ExitCodes.Success;
        }
        finally
        {
            if (pid > 0)
            {
                try
                {
                    using var process = System.Diagnostics.Process.GetProcessById(pid);
                    process.Kill();
                }
                catch (ArgumentException)
                {
                }
            }

            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static double Percentile(IEnumerable<TimeSpan> values, double p)
    {
        var sorted = values.Select(v => v.TotalSeconds).Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
    }

    private async Task IngestAsync(string mbox, CancellationToken cancellationToken)
    {
        var run = await ProcessRun.RunAsync("bash", ["-c", ". \"$1\" && /usr/bin/python3 \"$PW_SRC/manage.py\" parsearchive \"$2\"", "_", _env, mbox],
            TimeSpan.FromMinutes(30));
        if (run.ExitCode != 0)
        {
            throw new BenchFailure($"parsearchive failed: {run}");
        }
    }

    /// <summary>Patchwork's clock now: the date of an event it writes (Patchwork stores naive UTC).</summary>
    private async Task<DateTime> NowOnPatchworkAsync(CancellationToken cancellationToken)
    {
        var events = await _http.GetFromJsonAsync<JsonArray>($"{_url}/api/1.3/events/?order=-date&per_page=1", cancellationToken);
        return events is [JsonObject e, ..] ? Parse(e["date"]!.ToString()) : DateTime.UtcNow;
    }

    /// <summary>Waits until every series whose name contains <paramref name="tag"/> has a final `kernelci-build`
    /// check on its first patch, and reads its times.</summary>
    private async Task<List<SeriesTimes>> WaitForFinalsAsync(string tag, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var done = new Dictionary<long, SeriesTimes>();
        var events = new Dictionary<long, DateTime>();
        while (await timer.WaitForNextTickAsync(deadline.Token))
        {
            foreach (var e in await PagesAsync($"{_url}/api/1.3/events/?category=series-completed&per_page=250", deadline.Token))
            {
                events[e["payload"]!["series"]!["id"]!.GetValue<long>()] = Parse(e["date"]!.ToString());
            }

            var series = (await PagesAsync($"{_url}/api/1.3/series/?per_page=250", deadline.Token))
                .Where(s => s["name"]!.ToString().Contains(tag, StringComparison.Ordinal)).ToList();
            foreach (var s in series.Where(s => !done.ContainsKey(s["id"]!.GetValue<long>())))
            {
                var id = s["id"]!.GetValue<long>();
                var patch = s["patches"]![0]!["id"]!.GetValue<long>();
                var checks = await _http.GetFromJsonAsync<JsonArray>($"{_url}/api/1.3/patches/{patch}/checks/?context=kernelci-build&per_page=50", deadline.Token);
                var pending = checks!.OfType<JsonObject>().FirstOrDefault(c => c["state"]!.ToString() == "pending");
                var final = checks!.OfType<JsonObject>().FirstOrDefault(c => c["state"]!.ToString() != "pending");
                if (pending is not null && final is not null && events.TryGetValue(id, out var at))
                {
                    done[id] = new SeriesTimes(id, at, Parse(pending["date"]!.ToString()), Parse(final["date"]!.ToString()));
                }
            }

            if (done.Count >= count)
            {
                return [.. done.Values];
            }
        }

        throw new BenchFailure($"only {done.Count} of {count} series '{tag}' got their final checks in {timeout}");
    }

    private async Task<List<JsonObject>> PagesAsync(string url, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        for (var page = 1; page < 100; page++)
        {
            using var response = await _http.GetAsync($"{url}&page={page}", cancellationToken);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                break;
            }

            response.EnsureSuccessStatusCode();
            var list = await response.Content.ReadFromJsonAsync<JsonArray>(cancellationToken);
            items.AddRange(list!.OfType<JsonObject>());
            if (list!.Count < 250)
            {
                break;
            }
        }

        return items;
    }

    private static DateTime Parse(string date) =>
        DateTime.Parse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private string WriteSettings(string root)
    {
        var file = Path.Combine(root, "settings.json");
        File.WriteAllText(file, new JsonObject
        {
            ["Pipeline"] = new JsonObject
            {
                ["Trigger"] = new JsonObject { ["PollPeriod"] = "01:00:00" },
                ["Timeout"] = new JsonObject { ["Period"] = "00:00:05" },
                ["Bridge"] = new JsonObject { ["SweepInterval"] = "00:00:05" },
                ["Patchset"] = new JsonObject { ["PollPeriod"] = "00:00:01", ["MaxConcurrentNodes"] = 8 },
                ["Patchwork"] = new JsonObject
                {
                    ["PollPeriod"] = "00:00:01",
                    ["MaxPatches"] = 10,
                    ["Projects"] = new JsonArray
                    {
                        new JsonObject { ["Url"] = _url, ["Project"] = "netdevbpf", ["Tree"] = "bench", ["Branch"] = "main" },
                    },
                },
            },
        }.ToJsonString());
        return file;
    }

    private static string WriteConfig(string root, string treeUrl)
    {
        var directory = Path.Combine(root, "config");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "trees.yaml"), $"trees:\n  bench:\n    url: \"{treeUrl}\"\n");
        File.WriteAllText(Path.Combine(directory, "scheduler.yaml"), Infrastructure.FakeKbuildScheduler.Yaml);
        return directory;
    }
}
