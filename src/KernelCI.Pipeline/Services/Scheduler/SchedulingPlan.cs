using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;

namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>One job node that passed every filter and is about to be created and submitted.</summary>
internal sealed record SchedulingPlan(MaestroNode Node, ResolvedEntry Entry, PlatformConfig Platform, IRuntime Runtime, string DedupKey);
