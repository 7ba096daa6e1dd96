using System.Diagnostics;
using KernelCI.Bench.Infrastructure;
using KernelCI.Bench.KcidbIngest.Dataset;

namespace KernelCI.Bench.Regressions;

/// <summary>`./bench.sh regressions` (docs/regressions.md, "Benchmark"): every part in one run, then every figure with its
/// target and verdict.</summary>
internal sealed class RegressionsBenchmark(RegressionsSettings settings, TextWriter output)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken) =>
        await ScratchRun.RunAsync(settings.Keep, output, async work =>
        {
            var figures = new List<Figure>();
            await output.WriteLineAsync($"load average: {LoadAverage()}");
            if (settings.Runs(RegressionsPart.Triage))
            {
                figures.AddRange(await TriageBench.RunAsync(work.FullName, settings.TriageMegabytes, output, cancellationToken));
            }

            if (settings.NeedsDataset)
            {
                if (!File.Exists(RepoPaths.ServerExecutable))
                {
                    throw new BenchFailure($"{RepoPaths.ServerExecutable} is missing; run the benchmarks through ./bench.sh, which builds it");
                }

                var stopwatch = Stopwatch.StartNew();
                DatasetGenerator generator;
                try
                {
                    generator = new DatasetGenerator(DatasetShape.Scaled(settings.Scale), settings.Seed, settings.Planted);
                }
                catch (InvalidOperationException e)
                {
                    throw new BenchFailure(e.Message);
                }

                var shape = generator.Shape;
                await output.WriteLineAsync($"dataset: {shape.Checkouts:N0} checkouts, {shape.Builds:N0} builds, {shape.Tests:N0} tests " +
                    $"(scale {settings.Scale}, seed {settings.Seed}), {settings.Planted:N0} planted regressions and {settings.Planted:N0} flaky series " +
                    $"(flip rate {PlantedSeries.FlakyFlipRate})");
                var files = await Task.Run(() => new DatasetWriter(Path.Combine(work.FullName, "dataset"), 10_000).Write(generator, cancellationToken), cancellationToken);
                await output.WriteLineAsync($"generated {files.Files.Count} files, {files.Bytes / 1e6:F0} MB in {stopwatch.Elapsed.TotalSeconds:F1} s");
                foreach (var database in settings.Databases)
                {
                    figures.AddRange(await new RegressionsRun(settings, generator, files, work.FullName, output).RunAsync(database, cancellationToken));
                }
            }

            if (settings.Runs(RegressionsPart.Bisect))
            {
                figures.AddRange(await BisectBench.RunAsync(Path.Combine(work.FullName, "bisect"), output, cancellationToken));
            }

            await output.WriteLineAsync($"load average: {LoadAverage()}");
            await Print(figures);
            // A MISS is a figure, as in the other scenarios, not a failure of the run.
            return ExitCodes.Success;
        }, cancellationToken);

    private async Task Print(List<Figure> figures)
    {
        var nameWidth = figures.Max(f => f.Name.Length);
        var valueWidth = figures.Max(f => f.Value.Length);
        var targetWidth = figures.Max(f => f.Target.Length);
        await output.WriteLineAsync();
        foreach (var figure in figures)
        {
            await output.WriteLineAsync($"{figure.Name.PadRight(nameWidth)}  {figure.Value.PadRight(valueWidth)}  {figure.Target.PadRight(targetWidth)}  {figure.Verdict}");
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
