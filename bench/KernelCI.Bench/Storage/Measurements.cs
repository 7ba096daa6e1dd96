using KernelCI.Bench.Storage.Transfers;

namespace KernelCI.Bench.Storage;

internal sealed record Measurements(List<UploadResult> Uploads, List<DownloadComparison> Downloads, MemoryWindow? Memory);
