using System.Diagnostics;
using KernelCI.Bench.Dashboard;
using KernelCI.Bench.Infrastructure;
using KernelCI.Bench.KcidbIngest;
using KernelCI.Bench.KcidbIngest.Dataset;

namespace KernelCI.Bench.DashboardPages;

/// <summary>The dashboard-pages scenario: a dashboard on the kcidb-ingest dataset (ingested now, or attached from an
/// earlier run), each page timed on the server and then loaded in Chromium.</summary>
internal sealed class PagesBenchmark(PagesSettings settings, TextWriter output)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken) =>
        await ScratchRun.RunAsync(settings.Keep, output, async work =>
        {
            if (!File.Exists(RepoPaths.ServerExecutable))
            {
                throw new BenchFailure($"{RepoPaths.ServerExecutable} is missing; run the benchmarks through ./bench.sh, which builds it");
            }

            var misses = 0;
            if (settings.SqliteData is not null || settings.CopyDatabase is not null)
            {
                if (settings.SqliteData is not null)
                {
                    misses += await RunOnAsync(BenchDatabase.Sqlite, null, work.FullName, cancellationToken);
                }

                if (settings.CopyDatabase is not null)
                {
                    misses += await RunOnAsync(BenchDatabase.PostgreSql, null, work.FullName, cancellationToken);
                }

                return misses == 0 ? ExitCodes.Success : ExitCodes.Failure;
            }

            var generator = new DatasetGenerator(DatasetShape.Scaled(settings.Scale), settings.Seed);
            var stopwatch = Stopwatch.StartNew();
            var files = await Task.Run(() => new DatasetWriter(Path.Combine(work.FullName, "dataset"), 10_000).Write(generator, cancellationToken), cancellationToken);
            await output.WriteLineAsync($"dataset: {generator.Shape.Tests:N0} tests in {files.Files.Count} files, generated in {stopwatch.Elapsed.TotalSeconds:F1} s");
            foreach (var database in settings.Databases)
            {
                misses += await RunOnAsync(database, files, work.FullName, cancellationToken);
            }

            return misses == 0 ? ExitCodes.Success : ExitCodes.Failure;
        }, cancellationToken);

    /// <summary>One database: the dataset (ingested now when <paramref name="files"/> is given, else copied from the
    /// data named by the options), the big build added, then the pages timed.</summary>
    private async Task<int> RunOnAsync(BenchDatabase database, DatasetFiles? files, string work, CancellationToken cancellationToken)
    {
        await using var dashboard = await IngestedDashboard.StartAsync(database, work, settings.PostgresServer, settings.Keep, output, cancellationToken,
            files is null && database == BenchDatabase.Sqlite ? settings.SqliteData : null,
            files is null && database == BenchDatabase.PostgreSql ? settings.CopyDatabase : null);
        if (files is not null)
        {
            await dashboard.IngestAsync(files, cancellationToken);
        }

        // Targets first: the big build's checkout has the most tests and would otherwise be picked as the warm checkout.
        IReadOnlyList<PageTarget> pages;
        await using (var connection = await dashboard.OpenAsync(cancellationToken))
        {
            pages = await PagePlan.PickAsync(connection, database, settings.Pages, cancellationToken);
        }

        await dashboard.SubmitAsync(await BigBuild.WriteAsync(work, cancellationToken), cancellationToken);

        var baseUrl = new Uri($"http://127.0.0.1:{dashboard.BasePort}/");
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(5) };
        var server = new ServerProbe(http, settings.Requests, settings.WarmUp);
        var times = new List<ServerTimes>();
        foreach (var page in pages)
        {
            await output.WriteLineAsync($"[{dashboard.Name}] {page.Name}: {page.Path}");
            times.Add(await server.TimeAsync(page, cancellationToken));
        }

        await output.WriteLineAsync($"[{dashboard.Name}] loading each page {settings.Loads} times in Chromium");
        await using var browser = await BrowserProbe.StartAsync(baseUrl);
        var figures = new List<PageFigures>();
        for (var i = 0; i < pages.Count; i++)
        {
            figures.Add(new PageFigures(pages[i], times[i], await browser.LoadAsync(pages[i], settings.Loads)));
        }

        return await PagesReport.PrintAsync(dashboard.Name, figures, settings, output);
    }
}
