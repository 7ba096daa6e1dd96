using KernelCI.Pipeline.Services.SendKcidb;
using KernelCI.Pipeline.Services.Patchset;
using KernelCI.Pipeline.Services.JobRetry;
using KernelCI.Pipeline.Runtimes;
using KernelCI.Pipeline.Services.Scheduler;
using KernelCI.Pipeline.Services.Tarball;
using KernelCI.Pipeline.Services.Timeout;
using KernelCI.Pipeline.Services.Trigger;
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
        ["patchwork"] = Services.Patchwork.PatchworkRegistration.Add,
        ["nipa"] = Services.Nipa.NipaRegistration.Add,
        ["send-kcidb"] = SendKcidbRegistration.Add,
        ["regressions"] = Services.Regressions.RegressionsRegistration.Add,
    };
}
