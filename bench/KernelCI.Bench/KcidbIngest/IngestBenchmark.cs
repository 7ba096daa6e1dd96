using System.Diagnostics;
using System.Runtime.InteropServices;
using KernelCI.Bench.Infrastructure;
using KernelCI.Bench.KcidbIngest.Baseline;
using KernelCI.Bench.KcidbIngest.Dataset;
using KernelCI.Bench.KcidbIngest.Ingest;
using KernelCI.Bench.KcidbIngest.Report;

namespace KernelCI.Bench.KcidbIngest;

/// <summary>The kcidb-ingest scenario end to end: generate, run each database, the COPY baseline, then report.</summary>
internal sealed class IngestBenchmark(IngestSettings settings, TextWriter output)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        return await ScratchRun.RunAsync(settings.Keep, output, async work =>
        {
            var generator = new DatasetGenerator(DatasetShape.Scaled(settings.Scale), settings.Seed);
            var stopwatch = Stopwatch.StartNew();
            var files = await GenerateAsync(generator, Path.Combine(work.FullName, "dataset"), cancellationToken);
            var generationSeconds = stopwatch.Elapsed.TotalSeconds;
            if (settings.GenerateOnly)
            {
                return ExitCodes.Success;
            }

            if (!File.Exists(RepoPaths.ServerExecutable))
            {
                throw new BenchFailure($"{RepoPaths.ServerExecutable} is missing; run the benchmarks through ./bench.sh, which builds it");
            }

            var runs = new List<ServerRunResult>();
            foreach (var database in settings.Databases)
            {
                runs.Add(await new ServerRun(settings, generator, files, work.FullName, output).RunAsync(database, cancellationToken));
            }

            var copy = settings.Baseline && settings.Databases.Contains(BenchDatabase.PostgreSql)
                ? await new CopyBaseline(settings, generator, output).RunAsync(cancellationToken)
                : null;
            var report = new BenchReport(
                "kcidb-ingest",
                startedAt,
                Environment.ProcessorCount,
                RuntimeInformation.OSDescription,
                settings.Concurrency,
                Summarize(generator.Shape, files, generationSeconds),
                runs,
                copy,
                Targets.Evaluate(runs, copy));
            await ReportPrinter.PrintAsync(report, output);
            await output.WriteLineAsync($"figures written to {await ResultsFile.WriteAsync(report.Scenario, report.StartedAt, report, new ReportJsonContext(ResultsFile.Relaxed(ReportJsonContext.Default.Options)).BenchReport, cancellationToken)}");
            return ExitCodes.Success;
        }, cancellationToken);
    }

    private async Task<DatasetFiles> GenerateAsync(DatasetGenerator generator, string directory, CancellationToken cancellationToken)
    {
        var shape = generator.Shape;
        await output.WriteLineAsync(
            $"dataset: {shape.Checkouts:N0} checkouts, {shape.Builds:N0} builds, {shape.Tests:N0} tests, {shape.Issues:N0} issues, " +
            $"{shape.Incidents:N0} incidents (scale {settings.Scale}, seed {settings.Seed})");
        var stopwatch = Stopwatch.StartNew();
        var files = await Task.Run(() => new DatasetWriter(directory, settings.ObjectsPerFile).Write(generator, cancellationToken), cancellationToken);
        await output.WriteLineAsync(
            $"generated {files.Files.Count} files, {files.Bytes / 1e6:F1} MB in {stopwatch.Elapsed.TotalSeconds:F1} s; bytes per object: " +
            string.Join(", ", files.BytesByKind.Select(p => $"{p.Key.ToString().ToLowerInvariant()} {p.Value / Math.Max(1, shape.CountOf(p.Key))}")));
        if (settings.CheckDataset)
        {
            stopwatch.Restart();
            var problems = new DatasetCheck(generator, settings.ObjectsPerFile).Run(files);
            foreach (var problem in problems)
            {
                await output.WriteLineAsync("  dataset: " + problem);
            }

            if (problems.Count > 0)
            {
                throw new BenchFailure($"the generated dataset has {problems.Count}+ problems");
            }

            await output.WriteLineAsync($"dataset check passed in {stopwatch.Elapsed.TotalSeconds:F1} s");
            var schemaErrors = SchemaSpotCheck.Run(files);
            if (schemaErrors is null)
            {
                await output.WriteLineAsync("v5.3 schema check skipped: KcidbDocuments.Validate is not implemented in this build");
            }
            else if (schemaErrors.Count > 0)
            {
                throw new BenchFailure("the generated files fail the v5.3 schema: " + string.Join("; ", schemaErrors));
            }
            else
            {
                await output.WriteLineAsync("v5.3 schema check passed on the first and last files");
            }
        }

        return files;
    }

    private DatasetSummary Summarize(DatasetShape shape, DatasetFiles files, double generationSeconds) => new(
        settings.Scale,
        settings.Seed,
        Enum.GetValues<ObjectKind>().ToDictionary(k => k.ToString().ToLowerInvariant(), shape.CountOf),
        files.Objects,
        files.Files.Count,
        files.Bytes,
        generationSeconds);
}
