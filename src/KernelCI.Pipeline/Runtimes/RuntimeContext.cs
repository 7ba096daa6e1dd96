using KernelCI.Client.Storage;
using KernelCI.Pipeline.Config;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes;

/// <summary>What the local runtimes (shell, qemu) share: where they work, the clients they report through and the
/// tracker of their background jobs.</summary>
internal sealed record RuntimeContext(PipelineOptions Options, PipelineConfig Config, StorageClient Storage, PublicUrls Urls,
    NodeWriter Nodes, ArtifactDownloader Downloader, RunningJobs Jobs, TimeProvider Time, ILoggerFactory Loggers)
{
    public string WorkDirectory => Options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "kernelci-pipeline");

    /// <summary>WorkDirectory/KIND/JOB-NODEID, the scratch folder of one job, deleted when it ends: kept below the work
    /// folder by <see cref="SafePaths"/> whatever the job's and the node's names.</summary>
    public string JobDirectory(string kind, JobRequest request) => SafePaths.Under(WorkDirectory, kind, StoragePath(request));

    /// <summary>The storage folder of a job's outputs, as upstream names it.</summary>
    public static string StoragePath(JobRequest request) => $"{request.Job.Name}-{request.Node.Id}";
}
