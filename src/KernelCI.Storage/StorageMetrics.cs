using KernelCI.Hosting.Metrics;

namespace KernelCI.Storage;

public sealed class StorageMetrics(MetricsRegistry registry)
{
    public Counter Uploads { get; } = registry.Counter("storage_uploads_total", "Files stored");

    public Counter UploadBytes { get; } = registry.Counter("storage_upload_bytes_total", "Bytes stored");

    public Counter Downloads { get; } = registry.Counter("storage_downloads_total", "Downloads served, by status");

    public Counter DownloadBytes { get; } = registry.Counter("storage_download_bytes_total", "Body bytes sent by downloads");

    public Counter Errors { get; } = registry.Counter("storage_errors_total", "Failed requests, by kind");
}
