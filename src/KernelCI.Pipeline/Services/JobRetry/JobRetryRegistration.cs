using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KernelCI.Pipeline.Services.JobRetry;

/// <summary>The job-retry service: republishes the parent of an incomplete job on the retry channel (kernelci/kernelci-pipeline:src/job_retry.py).</summary>
internal static class JobRetryRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton<JobRetryService>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRetryService>());
    }
}
