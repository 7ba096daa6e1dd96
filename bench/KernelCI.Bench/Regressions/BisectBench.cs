using System.Globalization;
using KernelCI.Bench.Pipeline;
using KernelCI.Client.Maestro;
using KernelCI.Testing;

namespace KernelCI.Bench.Regressions;

/// <summary>`--part bisect` (docs/regressions.md, "Benchmark"): the pipeline's automatic bisection of a real regression,
/// timed from Maestro's nodes. The whole system runs in this process on the demo's configuration with only the kbuild
/// and the boot job, on a tree made from linux-source-6.1; its head is built and booted, then eight commits are pushed
/// at once, the fifth panicking at boot (the end-to-end test's tree: tests/KernelCI.EndToEnd.Tests/Regressions). The
/// boot FAILs, KCIDB opens the regression and the pipeline bisects it by itself with its default settings; each run of
/// each step is split into build, boot and orchestration (<see cref="BisectionTimeline"/>). The kbuilds use the ccache
/// the end-to-end tests share (KERNELCI_TEST_CCACHE, default /tmp/kernelci-test-ccache), so only an empty cache
/// compiles the whole kernel, on the good head, before anything is timed.</summary>
internal static class BisectBench
{
    private static readonly TimeSpan FirstBuildBudget = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan BisectionBudget = TimeSpan.FromMinutes(90);
    private const double StepTarget = 60;
    private const double OrchestrationTarget = 10;

    public static async Task<IReadOnlyList<Figure>> RunAsync(string root, TextWriter output, CancellationToken cancellationToken)
    {
        var tree = await LinuxTree.CloneAsync(root);
        var config = PipelineDemoConfig.WriteDirectory(root, tree.Url);
        PipelineDemoConfig.WriteKbuildAndBootOnly(config);
        var data = Path.Combine(root, "data");
        var ccache = SharedCcache.Directory;
        SharedCcache.LinkInto(data);
        await using var deployment = await Deployment.StartAsync(data, config, PipelineDemoConfig.WriteSettings(root), null, cancellationToken);
        var probe = new PipelineProbe(deployment.Maestro, deployment.Kcidb) { Interval = TimeSpan.FromSeconds(1) };

        var good = await tree.HeadAsync();
        await output.WriteLineAsync($"bisect: building and booting the good head {good[..12]} (ccache {ccache})");
        await LoopTiming.WaitForBootAsync(probe, good, FirstBuildBudget);

        var series = new List<(string, IReadOnlyDictionary<string, string>)>();
        for (var i = 1; i <= 8; i++)
        {
            var files = new Dictionary<string, string> { [$"Documentation/kernelci/bench-{i}.txt"] = $"Change {i} of the bisection benchmark.\n" };
            if (i == 5)
            {
                files[BrokenKernel.PanicFile] = await BrokenKernel.PanicAtBootAsync(tree, good);
            }

            series.Add((i == 5 ? "init: panic at boot, on purpose" : $"Documentation: bisection benchmark change {i}", files));
        }

        var commits = await tree.PushAsync(series);
        var pushed = DateTime.UtcNow;
        await output.WriteLineAsync($"bisect: pushed eight commits, {commits[4][..12]} panics; waiting for the regression and its bisection");
        var deadline = DateTime.UtcNow + BisectionBudget;
        var regression = await probe.WaitAsync(async () => (await deployment.Maestro.GetNodesFastAsync(
            new NodeFilter().Where("kind", "regression").Where("name", "baseline-x86"))).FirstOrDefault(), deadline, "the boot regression");
        await output.WriteLineAsync($"bisect: regression node {regression.Id} {(regression.Created!.Value - pushed).TotalSeconds:F0} s after the push");
        var bisection = await probe.WaitAsync(async () => (await deployment.Maestro.GetNodesFastAsync(
            new NodeFilter().Where("kind", "process").Where("parent", regression.Id))).FirstOrDefault(n => n.State == "done"), deadline, "the bisection");
        var timeline = await BisectionTimeline.ReadAsync(deployment.Maestro, bisection.Id!, cancellationToken);
        await output.WriteLineAsync("bisect: " + timeline);

        var found = bisection.Data["result"]?["first_bad"]?["commit"]?.ToString();
        var figures = new List<Figure>
        {
            new("bisection, culprit", found == commits[4] ? $"{found[..12]}, the panicking commit" : $"{found ?? "none"} (expected {commits[4][..12]})",
                "the panicking commit", found == commits[4]),
            new("bisection, whole (node created → done)", $"{Seconds(timeline.Total)} s, {timeline.Runs.Count} runs of {timeline.Runs.Select(r => r.Commit).Distinct().Count()} commits"),
        };
        for (var i = 0; i < timeline.Runs.Count; i++)
        {
            var run = timeline.Runs[i];
            figures.Add(new Figure($"bisection, run {i + 1} ({run.Commit[..12]} {run.Verdict})",
                $"{Seconds(run.Wall)} s: build {Seconds(run.Build)}, boot {Seconds(run.Boot)}, orchestration {Seconds(run.Orchestration)} (tarball {Seconds(run.Tarball)})",
                i == 0 ? "" : $"≤ {StepTarget} s, orchestration ≤ {OrchestrationTarget} s",
                i == 0 ? null : run.Wall.TotalSeconds <= StepTarget && run.Orchestration.TotalSeconds <= OrchestrationTarget));
        }

        var later = timeline.Runs.Skip(1).ToList();
        if (later.Count > 0)
        {
            figures.Add(Figure.AtMost("bisection, slowest run after the first", later.Max(r => r.Wall.TotalSeconds), StepTarget, "s"));
            figures.Add(Figure.AtMost("bisection, most orchestration in a run", timeline.Runs.Max(r => r.Orchestration.TotalSeconds), OrchestrationTarget, "s"));
        }

        return figures;
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture);
}
