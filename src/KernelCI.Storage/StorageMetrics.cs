using System.Diagnostics.Metrics;
using KernelCI.Storage.Backends;

namespace KernelCI.Storage;

/// <summary>
/// The "KernelCI.Storage" meter, under upstream's and our established Prometheus names. The counters are observable:
/// a download adds one to a field (lighter than a Counter&lt;long&gt;.Add, and it is the hot path), and every scrape
/// reads them, so each counter shows `name 0` from the start, before anything happened and whenever the exporter
/// began listening, as /metrics always has. A labelled counter shows one series per label value once one was counted.
/// </summary>
internal sealed class StorageMetrics
{
    public const string MeterName = "KernelCI.Storage";

    private static readonly string[] DownloadStatuses = ["200", "206", "301", "304", "404", "416"];

    private readonly long[] _downloads = new long[DownloadStatuses.Length];
    private long _uploads;
    private long _uploadBytes;
    private long _downloadBytes;
    private long _backendErrors;

    public StorageMetrics(IMeterFactory meterFactory, IStorageBackend backend)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableCounter("storage_uploads_total", () => Volatile.Read(ref _uploads), description: "Files stored");
        meter.CreateObservableCounter("storage_upload_bytes_total", () => Volatile.Read(ref _uploadBytes), description: "Bytes stored");
        meter.CreateObservableCounter("storage_downloads_total", ReadDownloads, description: "Downloads served, by status");
        meter.CreateObservableCounter("storage_download_bytes_total", () => Volatile.Read(ref _downloadBytes), description: "Body bytes sent by downloads");
        meter.CreateObservableCounter("storage_errors_total", ReadErrors, description: "Failed requests, by kind");
        if (backend is LocalBackend local)
        {
            // Upstream's names: alerting on a filling disk is what these are for.
            meter.CreateObservableGauge("storage_free_space", () => new DriveInfo(local.FilesRoot).AvailableFreeSpace, description: "Free bytes on the disk holding the files");
            meter.CreateObservableGauge("storage_total_space", () => new DriveInfo(local.FilesRoot).TotalSize, description: "Size in bytes of the disk holding the files");
        }
    }

    public void Uploaded(long bytes)
    {
        Interlocked.Increment(ref _uploads);
        Interlocked.Add(ref _uploadBytes, bytes);
    }

    /// <summary>A download answered with <paramref name="status"/> (200, 206, 301, 304, 404 or 416).</summary>
    public void Downloaded(int status) => Interlocked.Increment(ref _downloads[status switch
    {
        200 => 0,
        206 => 1,
        301 => 2,
        304 => 3,
        404 => 4,
        416 => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a status downloads answer"),
    }]);

    public void Sent(long bytes) => Interlocked.Add(ref _downloadBytes, bytes);

    public void BackendFailed() => Interlocked.Increment(ref _backendErrors);

    private IEnumerable<Measurement<long>> ReadDownloads()
    {
        var measurements = new List<Measurement<long>>(DownloadStatuses.Length);
        for (var i = 0; i < DownloadStatuses.Length; i++)
        {
            if (Volatile.Read(ref _downloads[i]) is > 0 and var count)
            {
                measurements.Add(new Measurement<long>(count, new KeyValuePair<string, object?>("status", DownloadStatuses[i])));
            }
        }

        return measurements.Count > 0 ? measurements : [new Measurement<long>(0)];
    }

    private IEnumerable<Measurement<long>> ReadErrors() =>
        Volatile.Read(ref _backendErrors) is > 0 and var count
            ? [new Measurement<long>(count, new KeyValuePair<string, object?>("kind", "backend"))]
            : [new Measurement<long>(0)];
}
