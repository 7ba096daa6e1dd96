using System.Diagnostics.Metrics;
using System.Net;
using KernelCI.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Storage.Tests;

/// <summary>The "KernelCI.Storage" meter, read as the exporter reads it: every observable instrument at once.</summary>
public sealed class StorageMetricsTests
{
    [Fact]
    public async Task Every_counter_reads_zero_before_anything_happened()
    {
        await using var app = await StorageTestApp.StartAsync();

        var values = Read(app);

        foreach (var name in new[] { "storage_uploads_total", "storage_upload_bytes_total", "storage_downloads_total", "storage_download_bytes_total", "storage_errors_total" })
        {
            Assert.Equal(0, values[name]);
        }
    }

    [Fact]
    public async Task Uploads_and_downloads_are_counted_by_status()
    {
        await using var app = await StorageTestApp.StartAsync();
        (await app.UploadAsync("m", app.Token(), ("a.txt", "abc"u8.ToArray()), ("b.txt", "de"u8.ToArray()))).Dispose();
        (await app.GetAsync("/m/a.txt")).Dispose();
        (await app.GetAsync("/m/a.txt", h => h.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 0))).Dispose();
        (await app.GetAsync("/m/missing")).Dispose();

        var values = Read(app);

        Assert.Equal(2, values["storage_uploads_total"]);
        Assert.Equal(5, values["storage_upload_bytes_total"]);
        Assert.Equal(1, values["storage_downloads_total{status=\"200\"}"]);
        Assert.Equal(1, values["storage_downloads_total{status=\"206\"}"]);
        Assert.Equal(1, values["storage_downloads_total{status=\"404\"}"]);
        Assert.False(values.ContainsKey("storage_downloads_total"));
        Assert.Equal(4, values["storage_download_bytes_total"]);
    }

    [Fact]
    public async Task Free_and_total_space_of_the_local_disk_are_gauges()
    {
        await using var app = await StorageTestApp.StartAsync();

        var values = Read(app);

        Assert.True(values["storage_free_space"] > 0);
        Assert.True(values["storage_total_space"] >= values["storage_free_space"]);
    }

    [Fact]
    public async Task Download_status_code_is_the_label()
    {
        await using var app = await StorageTestApp.StartAsync();
        (await app.UploadAsync("n", app.Token(), ("a.txt", "abc"u8.ToArray()))).Dispose();
        using var response = await app.GetAsync("/n/a.txt", h => h.IfNoneMatch.ParseAdd("*"));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(1, Read(app)["storage_downloads_total{status=\"304\"}"]);
    }

    // Only this app's meter: other tests' hosts run in the same process.
    private static IReadOnlyDictionary<string, double> Read(StorageTestApp app)
    {
        using var recorder = new MetricRecorder(app.App.Services.GetRequiredService<IMeterFactory>(), StorageMetrics.MeterName);
        return recorder.Read();
    }
}
