using System.Text.Encodings.Web;
using System.Text.Json;
using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.Storage.Report;

internal static class StorageReportWriter
{
    private static readonly StorageJsonContext Context = new(new JsonSerializerOptions(StorageJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes .bench/storage-&lt;UTC timestamp&gt;.json and returns its path.</summary>
    public static async Task<string> WriteAsync(StorageReport report, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(RepoPaths.ResultsDirectory);
        var path = Path.Combine(RepoPaths.ResultsDirectory, $"{report.Scenario}-{report.StartedAt:yyyyMMdd'T'HHmmss'Z'}.json");
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, report, Context.StorageReport, cancellationToken);
        return path;
    }
}
