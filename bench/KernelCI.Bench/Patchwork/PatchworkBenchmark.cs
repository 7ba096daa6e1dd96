using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Bench.Infrastructure;
using KernelCI.Bench.Pipeline;
using KernelCI.Pipeline.Runtimes;
using KernelCI.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Bench.Patchwork;

/// <summary>A real Patchwork 3.1.3 (<see cref="PatchworkSite"/>) followed by the whole system in this process (as
/// `serve`), every time read from Patchwork's own clock (event and check dates). Throughput: <c>queued</c> one-patch
/// series loaded before the service starts, handled from its start to the last final check, with builds replaced by
/// <see cref="FakeKbuild"/> and no boot job. Latency: 3-patch series sent one at a time while it runs, from the event to
/// the first `pending` check and to the final checks: with the fake build all of it is orchestration; with
/// <c>realKernel</c> (<see cref="RealKernelLatency"/>) a real kbuild and QEMU boot run and the time is split into
/// orchestration, build and boot. Poll periods are 1 s here (defaults: Patchwork 30 s, patchset 30 s), which bound the
/// latency. Targets (issue 22): first `pending` ≤ 5 s after the event, orchestration ≤ 10 s per series.</summary>
internal sealed class PatchworkBenchmark(int queued, int latencyRuns, bool realKernel, TextWriter output)
{
    private const double PendingTarget = 5;
    private const double OrchestrationTarget = 10;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("kernelci-bench-patchwork-").FullName;
        var pid = 0;
        try
        {
            var (site, serverPid) = await PatchworkSite.StartAsync(Path.Combine(root, "pw"));
            pid = serverPid;
            using var _ = site;
            var tree = await SeriesTree.CreateAsync(Path.Combine(root, "tree"));
            var latencies = new List<(SeriesTimes Times, LatencySplit Split)>();
            if (queued > 0 || !realKernel)
            {
                latencies = await FakeKbuildRunAsync(site, tree, root, cancellationToken);
            }

            if (realKernel)
            {
                latencies = await RealKernelLatency.RunAsync(site, root, latencyRuns, output, cancellationToken);
            }

            await PrintAsync(latencies);
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

    /// <summary>The throughput part, then (without --real-kernel) the latency runs, on the fake kbuild.</summary>
    private async Task<List<(SeriesTimes, LatencySplit)>> FakeKbuildRunAsync(PatchworkSite site, SeriesTree tree, string root,
        CancellationToken cancellationToken)
    {
        if (queued > 0)
        {
            await output.WriteLineAsync($"patchwork: loading {queued} one-patch series into Patchwork before the service starts");
            await site.IngestAsync(await tree.SeriesAsync("q", queued, 1));
        }

        var config = WriteConfig(root, tree.Url);
        var settings = Path.Combine(root, "settings.json");
        await File.WriteAllTextAsync(settings, Settings(site.Url, "bench", "01:00:00", null).ToJsonString(), cancellationToken);
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(Path.Combine(data, "secrets.json"), new JsonObject { ["patchwork-netdevbpf"] = PatchworkSite.Token }.ToJsonString(), cancellationToken);
        var kernel = new TaskCompletionSource<string>();
        kernel.SetResult("http://127.0.0.1:1/none");
        var started = await site.NowAsync(cancellationToken);
        await using var deployment = await Deployment.StartAsync(data, config, settings,
            services => services.AddSingleton<IRuntimeFactory>(sp => new FakeKbuildFactory(
                sp.GetRequiredService<KernelCI.Client.Maestro.MaestroClient>(), kernel.Task)), cancellationToken);

        if (queued > 0)
        {
            var throughput = await site.WaitForFinalsAsync("q:", queued, ["kernelci-build"], TimeSpan.FromMinutes(30), cancellationToken);
            var last = throughput.Max(s => s.Final);
            var minutes = (last - started).TotalMinutes;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"throughput: {queued} series queued at once, all final after {(last - started).TotalSeconds:F1} s: {queued / minutes:F1} series/min (fake kbuild)"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"throughput: event to first pending p50 {Percentile(throughput.Select(s => s.Pending - s.Event), 0.5):F1} s (queued before start)"));
        }

        var latencies = new List<(SeriesTimes, LatencySplit)>();
        for (var i = 0; !realKernel && i < latencyRuns; i++)
        {
            await site.IngestAsync(await tree.SeriesAsync($"l{i}", 1, 3));
            var s = (await site.WaitForFinalsAsync($"l{i}:", 1, ["kernelci-build"], TimeSpan.FromMinutes(10), cancellationToken))[0];
            // The fake kbuild passes at once and no job runs: only the patchset's own part is read from the nodes.
            var patchset = await RealKernelLatency.PatchsetAsync(deployment.Maestro, s.Series, cancellationToken);
            var nodes = await CheckoutSplit.ReadAsync(deployment.Maestro, patchset, s.Final, cancellationToken);
            var split = LatencySplit.Of(s.Event, s.Pending, s.Final, new CheckoutSplit(nodes.Tarball, TimeSpan.Zero, TimeSpan.Zero));
            await output.WriteLineAsync($"latency: series {s.Series} ({s.States}, fake build: all orchestration): {Describe(split)}");
            latencies.Add((s, split));
        }

        return latencies;
    }

    private async Task PrintAsync(List<(SeriesTimes Times, LatencySplit Split)> latencies)
    {
        if (latencies.Count == 0)
        {
            return;
        }

        var table = new TextTable("series", "→ pending s", "→ final s", "build s", "boot s", "orchestration s", "of which patchset s", "final checks");
        foreach (var (times, split) in latencies)
        {
            table.Add(times.Series.ToString(CultureInfo.InvariantCulture), S(split.ToFirst), S(split.ToFinal), S(split.Build), S(split.Boot),
                S(split.Orchestration), S(split.Checkout.Tarball), times.States);
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(realKernel
            ? "latency: event → first pending and → final checks, real kbuild and QEMU boot (build, boot: Maestro's nodes)"
            : "latency: event → first pending and → final build check, fake kbuild (all orchestration)");
        await output.WriteAsync(table.ToString());

        var pending = latencies.Max(l => l.Split.ToFirst.TotalSeconds);
        var orchestration = latencies.Max(l => l.Split.Orchestration.TotalSeconds);
        var targets = new TextTable("target", "measured (worst; p50)", "goal", "verdict");
        foreach (var target in new[]
                 {
                     new TargetResult("event → first pending", $"{pending:F1} s; {Percentile(latencies.Select(l => l.Split.ToFirst), 0.5):F1} s",
                         $"≤ {PendingTarget} s", pending <= PendingTarget),
                     new TargetResult("orchestration per series", $"{orchestration:F1} s; {Percentile(latencies.Select(l => l.Split.Orchestration), 0.5):F1} s",
                         $"≤ {OrchestrationTarget} s", orchestration <= OrchestrationTarget),
                 })
        {
            targets.Add(target.Target, target.Measured, target.Goal, target.Verdict);
        }

        await output.WriteLineAsync();
        await output.WriteAsync(targets.ToString());
    }

    public static string Describe(LatencySplit split) => string.Create(CultureInfo.InvariantCulture,
        $"event → first pending {S(split.ToFirst)} s, → final {S(split.ToFinal)} s = build {S(split.Build)} + boot {S(split.Boot)} + orchestration {S(split.Orchestration)} (patchset {S(split.Checkout.Tarball)})");

    private static string S(TimeSpan span) => span.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);

    private static double Percentile(IEnumerable<TimeSpan> values, double p)
    {
        var sorted = values.Select(v => v.TotalSeconds).Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
    }

    /// <summary>The deployment's settings: 1 s polls of Patchwork and of patchsets, one Patchwork project on
    /// <paramref name="tree"/>, taking only the series whose name matches <paramref name="subjectMatch"/> when given.</summary>
    public static JsonObject Settings(string patchworkUrl, string tree, string triggerPoll, string? subjectMatch)
    {
        var project = new JsonObject { ["Url"] = patchworkUrl, ["Project"] = "netdevbpf", ["Tree"] = tree, ["Branch"] = "main" };
        if (subjectMatch is not null)
        {
            project["SubjectMatch"] = subjectMatch;
        }

        return new JsonObject
        {
            ["Pipeline"] = new JsonObject
            {
                ["Trigger"] = new JsonObject { ["PollPeriod"] = triggerPoll },
                ["Timeout"] = new JsonObject { ["Period"] = "00:00:05" },
                ["Bridge"] = new JsonObject { ["SweepInterval"] = "00:00:05" },
                ["Patchset"] = new JsonObject { ["PollPeriod"] = "00:00:01", ["MaxConcurrentNodes"] = 8 },
                ["Patchwork"] = new JsonObject
                {
                    ["PollPeriod"] = "00:00:01",
                    ["MaxPatches"] = 10,
                    ["Projects"] = new JsonArray { project },
                },
            },
        };
    }

    private static string WriteConfig(string root, string treeUrl)
    {
        var directory = Path.Combine(root, "config");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "trees.yaml"), $"trees:\n  bench:\n    url: \"{treeUrl}\"\n");
        File.WriteAllText(Path.Combine(directory, "scheduler.yaml"), FakeKbuildScheduler.Yaml);
        return directory;
    }
}
