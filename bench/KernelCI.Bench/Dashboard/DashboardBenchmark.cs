using System.Diagnostics;
using KernelCI.Bench.Infrastructure;
using KernelCI.Bench.KcidbIngest;
using KernelCI.Bench.KcidbIngest.Dataset;

namespace KernelCI.Bench.Dashboard;

/// <summary>The dashboard scenario: generate the kcidb-ingest dataset once, run each database, print the figures.</summary>
internal sealed class DashboardBenchmark(DashboardSettings settings, TextWriter output)
{
    /// <summary>Issue 16's target: every endpoint's warm p95 (at 10,000,000 tests on PostgreSQL, 2,000,000 on SQLite).</summary>
    public const double TargetP95Milliseconds = 50;

    public async Task<int> RunAsync(CancellationToken cancellationToken) =>
        await ScratchRun.RunAsync(settings.Keep, output, async work =>
        {
            if (!File.Exists(RepoPaths.ServerExecutable))
            {
                throw new BenchFailure($"{RepoPaths.ServerExecutable} is missing; run the benchmarks through ./bench.sh, which builds it");
            }

            if (settings.SqliteData is not null || settings.CopyDatabase is not null)
            {
                // Reused data: only the databases named by the options, nothing generated.
                foreach (var (database, source) in new[] { (BenchDatabase.PostgreSql, settings.CopyDatabase), (BenchDatabase.Sqlite, settings.SqliteData) })
                {
                    if (source is not null)
                    {
                        await DashboardReport.PrintAsync(await new DashboardRun(settings, null, work.FullName, output).RunAsync(database, cancellationToken), settings, output);
                    }
                }

                return ExitCodes.Success;
            }

            var generator = new DatasetGenerator(DatasetShape.Scaled(settings.Scale), settings.Seed);
            var shape = generator.Shape;
            await output.WriteLineAsync($"dataset: {shape.Checkouts:N0} checkouts, {shape.Builds:N0} builds, {shape.Tests:N0} tests, " +
                $"{shape.Issues:N0} issues, {shape.Incidents:N0} incidents (scale {settings.Scale}, seed {settings.Seed})");
            var stopwatch = Stopwatch.StartNew();
            var files = await Task.Run(() => new DatasetWriter(Path.Combine(work.FullName, "dataset"), 10_000).Write(generator, cancellationToken), cancellationToken);
            await output.WriteLineAsync($"generated {files.Files.Count} files, {files.Bytes / 1e6:F0} MB in {stopwatch.Elapsed.TotalSeconds:F1} s");
            foreach (var database in settings.Databases)
            {
                var result = await new DashboardRun(settings, files, work.FullName, output).RunAsync(database, cancellationToken);
                await DashboardReport.PrintAsync(result, settings, output);
            }

            return ExitCodes.Success;
        }, cancellationToken);
}
