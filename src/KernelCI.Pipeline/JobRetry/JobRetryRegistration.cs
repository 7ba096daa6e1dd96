using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.JobRetry;

/// <summary>The job-retry service: republishes the parent of an incomplete job on the retry channel (§6).</summary>
internal static class JobRetryRegistration
{
    public static void Add(IServiceCollection services)
    {
    }
}
