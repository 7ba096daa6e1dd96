using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>A scheduler entry whose job is configured and whose runtime (by name or type) is loaded, with its
/// platforms resolved.</summary>
internal sealed record ResolvedEntry(SchedulerEntry Entry, JobConfig Job, IReadOnlyList<PlatformConfig> Platforms);
