using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using KernelCI.Bench.Dashboard;
using KernelCI.Bench.Infrastructure;
using KernelCI.Bench.KcidbIngest;
using KernelCI.Bench.KcidbIngest.Dataset;

namespace KernelCI.Bench.Regressions;

/// <summary>One database: ingest the planted dataset through KCIDB's REST API with the tracker on (the default), wait
/// for the tracker, score what it stored; recompute everything with `kernelci kcidb regressions` and score again;
/// then time new failing results to their regression records.</summary>
internal sealed partial class RegressionsRun(RegressionsSettings settings, DatasetGenerator generator, DatasetFiles files, string workDirectory,
    TextWriter output)
{
    /// <summary>Issue 20's targets.</summary>
    public const double TargetScore = 0.99;

    public const double TargetLatencySeconds = 1;

    public async Task<List<Figure>> RunAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        var figures = new List<Figure>();
        var truth = generator.Planted!.Truth;
        await using var dashboard = await IngestedDashboard.StartAsync(database, workDirectory, settings.PostgresServer, settings.Keep, output, cancellationToken);
        var name = dashboard.Name;
        var stopwatch = Stopwatch.StartNew();
        await dashboard.IngestAsync(files, cancellationToken);
        var ingested = stopwatch.Elapsed.TotalSeconds;
        var settled = await TrackerSettle.WaitAsync(dashboard, workDirectory, cancellationToken);
        var failures = File.ReadLines(Path.Combine(workDirectory, name + "-server.log")).Count(l => l.Contains("could not be analysed", StringComparison.Ordinal));
        await output.WriteLineAsync($"[{name}] the tracker reached the sentinel {settled:F1} s after ingestion ended; {failures} failed recomputations in the server's log");
        figures.Add(new Figure($"{name}: ingestion (tracker on), then tracker caught up", $"{ingested:F1} s + {settled:F1} s"));

        if (settings.Runs(RegressionsPart.Detection))
        {
            figures.AddRange(await ScoreAsync(dashboard, truth, "as ingested", cancellationToken));
        }

        if (settings.Runs(RegressionsPart.Recompute))
        {
            var (wall, reported, series) = await RecomputeAsync(dashboard, cancellationToken);
            await output.WriteLineAsync($"[{name}] kernelci kcidb regressions: {series:N0} series in {reported:F2} s ({wall:F2} s with the process)");
            figures.Add(new Figure($"{name}: full recomputation ({series:N0} series)", $"{reported:F2} s ({wall:F2} s with process start)"));
            if (settings.Runs(RegressionsPart.Detection))
            {
                figures.AddRange(await ScoreAsync(dashboard, truth, "after full recomputation", cancellationToken));
            }
        }

        if (settings.Runs(RegressionsPart.Latency))
        {
            var seconds = await RegressionLatency.MeasureAsync(dashboard, generator, settings.Submissions, workDirectory, output, cancellationToken);
            seconds.Sort();
            figures.Add(new Figure($"{name}: ingestion to regression, p50 ({seconds.Count} submissions)", $"{Percentiles.Of(seconds, 50):F3} s"));
            figures.Add(Figure.AtMost($"{name}: ingestion to regression, p95", Percentiles.Of(seconds, 95), TargetLatencySeconds, "s"));
        }

        return figures;
    }

    private async Task<List<Figure>> ScoreAsync(IngestedDashboard dashboard, IReadOnlyList<PlantedTruth> truth, string when, CancellationToken cancellationToken)
    {
        DetectionCheck check;
        await using (var connection = await dashboard.OpenAsync(cancellationToken))
        {
            check = await DetectionCheck.MeasureAsync(connection, truth, cancellationToken);
        }

        await output.WriteLineAsync($"[{dashboard.Name}] {when}: regressions {check.Regressions}, flaky {check.Flaky}");
        foreach (var example in check.Examples)
        {
            await output.WriteLineAsync($"[{dashboard.Name}]   {example}");
        }

        return
        [
            Figure.AtLeast($"{dashboard.Name}, {when}: regression precision", check.Regressions.Precision, TargetScore),
            Figure.AtLeast($"{dashboard.Name}, {when}: regression recall", check.Regressions.Recall, TargetScore),
            Figure.AtLeast($"{dashboard.Name}, {when}: flaky precision", check.Flaky.Precision, TargetScore),
            Figure.AtLeast($"{dashboard.Name}, {when}: flaky recall", check.Flaky.Recall, TargetScore),
        ];
    }

    // The documented entry point, run beside the server as an operator would.
    private static async Task<(double Wall, double Reported, int Series)> RecomputeAsync(IngestedDashboard dashboard, CancellationToken cancellationToken)
    {
        List<string> arguments = ["kcidb", "regressions", "--data-dir", dashboard.DataDirectory];
        if (dashboard.PostgresConnectionString is { } connection)
        {
            arguments.AddRange(["--database", connection]);
        }

        var stopwatch = Stopwatch.StartNew();
        var result = await ProcessRunner.RunAsync(RepoPaths.ServerExecutable, arguments, cancellationToken);
        var wall = stopwatch.Elapsed.TotalSeconds;
        var match = Recomputed().Match(result.Output);
        if (result.ExitCode != 0 || !match.Success)
        {
            throw new BenchFailure($"kernelci kcidb regressions exited {result.ExitCode}: {result.Output}{result.Error}");
        }

        return (wall, double.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"recomputed (?<n>\d+) series in (?<s>[\d.]+) s")]
    private static partial Regex Recomputed();
}
