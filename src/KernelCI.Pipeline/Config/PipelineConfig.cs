namespace KernelCI.Pipeline.Config;

/// <summary>The merged upstream-format configuration (kernelci/kernelci-core:kernelci/config/; docs/pipeline/config-and-scheduler.md): every section keyed by entry name.</summary>
public sealed record PipelineConfig
{
    public IReadOnlyDictionary<string, ApiConfig> Api { get; init; } = new Dictionary<string, ApiConfig>();

    public IReadOnlyDictionary<string, StorageConfig> Storage { get; init; } = new Dictionary<string, StorageConfig>();

    public IReadOnlyDictionary<string, TreeConfig> Trees { get; init; } = new Dictionary<string, TreeConfig>();

    public IReadOnlyDictionary<string, BuildConfig> BuildConfigs { get; init; } = new Dictionary<string, BuildConfig>();

    public IReadOnlyDictionary<string, FragmentConfig> Fragments { get; init; } = new Dictionary<string, FragmentConfig>();

    public IReadOnlyDictionary<string, RootfsConfig> Rootfs { get; init; } = new Dictionary<string, RootfsConfig>();

    public IReadOnlyDictionary<string, JobConfig> Jobs { get; init; } = new Dictionary<string, JobConfig>();

    public IReadOnlyDictionary<string, PlatformConfig> Platforms { get; init; } = new Dictionary<string, PlatformConfig>();

    public IReadOnlyDictionary<string, RuntimeConfig> Runtimes { get; init; } = new Dictionary<string, RuntimeConfig>();

    public IReadOnlyList<SchedulerEntry> Scheduler { get; init; } = [];
}
