using System.Text.Json.Nodes;
using KernelCI.Bench.Pipeline;
using KernelCI.Client.Maestro;
using KernelCI.Testing;

namespace KernelCI.Bench.Patchwork;

/// <summary>`--real-kernel`: the latency runs with the real shell kbuild (tinyconfig x86_64 of the test Linux tree,
/// scripts/prepare-linux-tree.sh, with the machine's shared ccache) and the real QEMU boot job, on the demo's
/// configuration reduced to those two jobs (as `./bench.sh regressions --part bisect`). The pipeline's trigger first
/// builds and boots the branch head, which warms the git cache, the base tarball and the ccache, and gives the base
/// checkout the series are then tested on; only then are 3-patch series (<see cref="LinuxSeries"/>) sent one at a time,
/// and each one's time from its event to its final checks split into orchestration, build and boot
/// (<see cref="LatencySplit"/>, Maestro's node times).</summary>
internal static class RealKernelLatency
{
    private static readonly TimeSpan WarmUpBudget = TimeSpan.FromMinutes(60);
    private static readonly TimeSpan SeriesBudget = TimeSpan.FromMinutes(30);

    /// <summary>Series tested here match this, so the throughput part's series already in Patchwork are skipped.</summary>
    public const string SubjectMatch = @"\bl\d+: ";

    public static readonly IReadOnlyList<string> Contexts = ["kernelci-build", "kernelci-boot"];

    public static async Task<List<(SeriesTimes Times, LatencySplit Split)>> RunAsync(PatchworkSite site, string root, int runs, TextWriter output,
        CancellationToken cancellationToken)
    {
        var tree = await LinuxTree.CloneAsync(Path.Combine(root, "linux"));
        var config = PipelineDemoConfig.WriteDirectory(root, tree.Url, "real-config");
        PipelineDemoConfig.WriteKbuildAndBootOnly(config);
        var data = Path.Combine(root, "real-data");
        SharedCcache.LinkInto(data);
        await File.WriteAllTextAsync(Path.Combine(data, "secrets.json"),
            new JsonObject { ["patchwork-netdevbpf"] = PatchworkSite.Token }.ToJsonString(), cancellationToken);
        var settings = Path.Combine(root, "real-settings.json");
        await File.WriteAllTextAsync(settings, PatchworkBenchmark.Settings(site.Url, "local", "00:00:03", SubjectMatch).ToJsonString(), cancellationToken);
        await using var deployment = await Deployment.StartAsync(data, config, settings, null, cancellationToken);
        var probe = new PipelineProbe(deployment.Maestro, deployment.Kcidb) { Interval = TimeSpan.FromSeconds(1) };

        var head = await tree.HeadAsync();
        await output.WriteLineAsync($"real kernel: the trigger builds and boots the branch head {head[..12]} first (git cache, base tarball, ccache {SharedCcache.Directory})");
        var warm = await LoopTiming.WaitForBootAsync(probe, head, WarmUpBudget);
        await output.WriteLineAsync($"real kernel: warm-up done, kbuild {warm.Kbuild.RanFor.TotalSeconds:F0} s, boot {warm.Boot.RanFor.TotalSeconds:F0} s");

        var series = new LinuxSeries(tree);
        var results = new List<(SeriesTimes, LatencySplit)>();
        for (var i = 0; i < runs; i++)
        {
            var tag = $"l{i}";
            await site.IngestAsync(await series.MboxAsync(tag, root));
            var times = (await site.WaitForFinalsAsync(tag + ":", 1, Contexts, SeriesBudget, cancellationToken))[0];
            var patchset = await PatchsetAsync(deployment.Maestro, times.Series, cancellationToken);
            var split = LatencySplit.Of(times.Event, times.Pending, times.Final,
                await CheckoutSplit.ReadAsync(deployment.Maestro, patchset, times.Final, cancellationToken));
            await output.WriteLineAsync($"real kernel: series {times.Series} ({times.States}): {PatchworkBenchmark.Describe(split)}");
            results.Add((times, split));
        }

        return results;
    }

    /// <summary>The patchset node the Patchwork service made for a series (data.patchwork.series).</summary>
    public static async Task<MaestroNode> PatchsetAsync(MaestroClient maestro, long series, CancellationToken cancellationToken) =>
        (await maestro.GetNodesFastAsync(new NodeFilter().Where("kind", "checkout").Where("name", "patchset"), cancellationToken))
            .FirstOrDefault(n => n.Data["patchwork"]?["series"]?.GetValue<long>() == series)
        ?? throw new BenchFailure($"no patchset node for series {series}");
}
