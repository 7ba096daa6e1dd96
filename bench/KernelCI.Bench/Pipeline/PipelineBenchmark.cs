using System.Globalization;
using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.Pipeline;

/// <summary>Runs the pipeline benchmark's parts and prints each figure beside its target.</summary>
internal sealed class PipelineBenchmark(PipelineSettings settings, TextWriter output)
{
    private static readonly TimeSpan OverheadTarget = TimeSpan.FromSeconds(10);
    private const double SchedulerTarget = 1_000;

    public Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // The in-process host logs every request and event at Information; the figures must stay readable.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        return ScratchRun.RunAsync(keep: false, output, work => RunPartsAsync(work.FullName, cancellationToken), cancellationToken);
    }

    private async Task<int> RunPartsAsync(string scratch, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var targets = new List<TargetResult>();
        LoopReport? loop = null;
        TreesReport? trees = null;
        double? scheduler = null;
        var kernelFile = Path.Combine(scratch, "bzImage");

        if (settings.Parts.Contains("loop") || settings.Parts.Contains("trees"))
        {
            var figures = await LoopTiming.RunAsync(Path.Combine(scratch, "loop"), kernelFile, output, cancellationToken);
            loop = new LoopReport(figures.Total.TotalSeconds, figures.Build.TotalSeconds, figures.Boot.TotalSeconds, figures.Tarball.TotalSeconds, figures.Overhead.TotalSeconds);
            await Line($"loop: push → boot in KCIDB {loop.TotalSeconds:F1} s = build {loop.BuildSeconds:F1} s + boot {loop.BootSeconds:F1} s + orchestration {loop.OverheadSeconds:F1} s (of which tarball {loop.TarballSeconds:F1} s)");
            targets.Add(new("orchestration overhead per commit", $"{loop.OverheadSeconds:F1} s", "≤ 10 s", figures.Overhead <= OverheadTarget));
        }

        if (settings.Parts.Contains("trees"))
        {
            // The loop's deployment is gone; its kernel is not, so the many-trees run boots a copy it uploads itself.
            var figures = await ManyTrees.RunAsync(Path.Combine(scratch, "trees"), settings.Trees, kernelFile, output, cancellationToken);
            var overheads = figures.Select(f => f.Overhead.TotalSeconds).Order().ToList();
            trees = new TreesReport(settings.Trees, figures.Max(f => f.Total.TotalSeconds), Percentiles.Of(overheads, 50), overheads.Max(),
                Percentiles.Of(figures.Select(f => f.Boot.TotalSeconds).Order().ToList(), 50));
            await Line($"trees: {settings.Trees} commits at once, all in KCIDB after {trees.WallSeconds:F1} s; orchestration per commit p50 {trees.OverheadP50Seconds:F1} s, max {trees.OverheadMaxSeconds:F1} s; boot p50 {trees.BootP50Seconds:F1} s");
            targets.Add(new($"orchestration overhead, {settings.Trees} trees (max)", $"{trees.OverheadMaxSeconds:F1} s", "≤ 10 s", trees.OverheadMaxSeconds <= OverheadTarget.TotalSeconds));
        }

        if (settings.Parts.Contains("scheduler"))
        {
            foreach (var figures in await SchedulerPart.RunAsync(settings.Jobs, settings.Platforms, settings.Postgres, output, cancellationToken))
            {
                await Line($"scheduler on {figures.Database}: {figures.JobNodes} job nodes in {figures.Seconds:F1} s = {figures.JobNodesPerSecond:F0}/s");
                targets.Add(new($"scheduler job nodes/s on {figures.Database}", $"{figures.JobNodesPerSecond:F0}", "≥ 1,000", figures.JobNodesPerSecond >= SchedulerTarget));
                scheduler = Math.Min(scheduler ?? double.MaxValue, figures.JobNodesPerSecond);
            }
        }

        await Line("");
        foreach (var target in targets)
        {
            await Line($"{target.Verdict,-5} {target.Target}: {target.Measured} (target {target.Goal})");
        }

        var report = new PipelineReport(startedAt, settings, loop, trees, scheduler, targets);
        var path = await ResultsFile.WriteAsync("pipeline", startedAt, report, PipelineJsonContext.Default.PipelineReport, cancellationToken);
        await Line($"results: {path}");
        return ExitCodes.Success;
    }

    private Task Line(string text) => output.WriteLineAsync(text.ToString(CultureInfo.InvariantCulture));
}
