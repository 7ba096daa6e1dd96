using KernelCI.Pipeline.Bridge;
using KernelCI.Pipeline.Patchset;
using KernelCI.Pipeline.JobRetry;
using KernelCI.Pipeline.Runtimes;
using KernelCI.Pipeline.Scheduler;
using KernelCI.Pipeline.Tarball;
using KernelCI.Pipeline.Timeout;
using KernelCI.Pipeline.Trigger;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline;

/// <summary>Every pipeline service by its upstream name. `serve` runs all of them (or those PipelineOptions.Services
/// names); `kernelci pipeline NAME` runs one alone.</summary>
public static class PipelineServices
{
    public static IReadOnlyDictionary<string, Action<IServiceCollection>> All { get; } = new Dictionary<string, Action<IServiceCollection>>
    {
        ["trigger"] = TriggerRegistration.Add,
        ["tarball"] = TarballRegistration.Add,
        ["scheduler"] = services =>
        {
            RuntimeRegistration.Add(services);
            SchedulerRegistration.Add(services);
        },
        ["timeout"] = TimeoutRegistration.AddTimeout,
        ["holdoff"] = TimeoutRegistration.AddHoldoff,
        ["closing"] = TimeoutRegistration.AddClosing,
        ["job-retry"] = JobRetryRegistration.Add,
        ["patchset"] = PatchsetRegistration.Add,
        ["send-kcidb"] = KcidbBridgeRegistration.Add,
    };
}
