using KernelCI.ServiceDefaults.Metrics;
using KernelCI.Storage.Backends;

namespace KernelCI.Storage;

internal sealed class StorageMetrics
{
    public StorageMetrics(MetricsRegistry registry, IStorageBackend backend)
    {
        Uploads = registry.Counter("storage_uploads_total", "Files stored");
        UploadBytes = registry.Counter("storage_upload_bytes_total", "Bytes stored");
        Downloads = registry.Counter("storage_downloads_total", "Downloads served, by status");
        DownloadBytes = registry.Counter("storage_download_bytes_total", "Body bytes sent by downloads");
        Errors = registry.Counter("storage_errors_total", "Failed requests, by kind");
        if (backend is LocalBackend local)
        {
            // Upstream's names: alerting on a filling disk is what these are for.
            registry.Gauge("storage_free_space", "Free bytes on the disk holding the files", () => new DriveInfo(local.FilesRoot).AvailableFreeSpace);
            registry.Gauge("storage_total_space", "Size in bytes of the disk holding the files", () => new DriveInfo(local.FilesRoot).TotalSize);
        }
    }

    public Counter Uploads { get; }

    public Counter UploadBytes { get; }

    public Counter Downloads { get; }

    public Counter DownloadBytes { get; }

    public Counter Errors { get; }
}
