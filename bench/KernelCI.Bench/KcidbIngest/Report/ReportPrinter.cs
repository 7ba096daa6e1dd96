using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.KcidbIngest.Report;

internal static class ReportPrinter
{
    public static async Task PrintAsync(BenchReport report, TextWriter output)
    {
        var dataset = report.Dataset;
        await output.WriteLineAsync();
        await output.WriteLineAsync($"kcidb-ingest: {dataset.TotalObjects:N0} objects in {dataset.Files} files ({dataset.Bytes / 1e6:N0} MB), " +
            $"scale {dataset.Scale}, seed {dataset.Seed}, {report.ProcessorCount} cores, {report.Concurrency} concurrent uploads");
        await output.WriteLineAsync();

        var ingest = new TextTable("ingestion", "objects", "upload s", "queryable s", "objects/s", "server CPU s", "CPU µs/object", "backend CPU s",
            "server+backend µs/object", "peak RSS ingest",
            "peak RSS overall");
        foreach (var run in report.Runs)
        {
            ingest.Add(Targets.Label(run.Database), $"{run.Objects:N0}", $"{run.UploadSeconds:F1}", $"{run.IngestSeconds:F1}",
                $"{run.ObjectsPerSecond:N0}", $"{run.ServerCpuSeconds:F1}", $"{run.ServerCpuMicrosecondsPerObject:F1}",
                run.BackendCpuSeconds is { } backend ? $"{backend:F1}" : "-",
                run.TotalCpuMicrosecondsPerObject is { } total ? $"{total:F1}" : "-",
                Mib(run.IngestMemory.PeakBytes), Mib(run.OverallMemory.PeakBytes));
        }

        if (report.Copy is { } copy)
        {
            ingest.Add("PostgreSQL COPY", $"{copy.Rows:N0}", "-", $"{copy.Seconds:F1}", $"{copy.RowsPerSecond:N0}", "-", "-", "-", "-", "-", "-");
        }

        await output.WriteLineAsync(ingest.ToString());
        if (report.Copy is { } baseline)
        {
            await output.WriteLineAsync($"(COPY rows were generated on a second thread, busy {baseline.GenerationSeconds:F1} s of the {baseline.Seconds:F1} s)");
            await output.WriteLineAsync();
        }

        var queries = new TextTable("query latency", "requests", "errors", "p50 ms", "p95 ms", "max ms", "mean bytes");
        foreach (var run in report.Runs)
        {
            foreach (var query in run.Queries)
            {
                queries.Add($"{Targets.Label(run.Database)}: {query.Endpoint}", $"{query.Requests}", $"{query.Errors}",
                    $"{query.P50Ms:F1}", $"{query.P95Ms:F1}", $"{query.MaxMs:F1}", $"{query.MeanBytes:N0}");
            }
        }

        await output.WriteLineAsync(queries.ToString());
        foreach (var run in report.Runs)
        {
            foreach (var query in run.Queries.Where(q => q.FirstError is not null))
            {
                await output.WriteLineAsync($"  {Targets.Label(run.Database)}: {query.Endpoint}: {query.Errors} errors, first {query.FirstError}");
            }
        }

        await output.WriteLineAsync();

        var targets = new TextTable("target", "measured", "goal", "verdict");
        foreach (var target in report.Targets)
        {
            targets.Add(target.Target, target.Measured, target.Goal, target.Verdict);
        }

        await output.WriteLineAsync(targets.ToString());
    }

    private static string Mib(long bytes) => $"{bytes / (1 << 20):N0} MiB";
}
