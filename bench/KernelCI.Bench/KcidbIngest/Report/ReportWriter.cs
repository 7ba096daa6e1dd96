using System.Text.Encodings.Web;
using System.Text.Json;
using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.KcidbIngest.Report;

internal static class ReportWriter
{
    private static readonly ReportJsonContext Context = new(new JsonSerializerOptions(ReportJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes .bench/kcidb-ingest-&lt;UTC timestamp&gt;.json and returns its path.</summary>
    public static async Task<string> WriteAsync(BenchReport report, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(RepoPaths.ResultsDirectory);
        var path = Path.Combine(RepoPaths.ResultsDirectory, $"{report.Scenario}-{report.StartedAt:yyyyMMdd'T'HHmmss'Z'}.json");
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, report, Context.BenchReport, cancellationToken);
        return path;
    }
}
