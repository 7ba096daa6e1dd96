using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KernelCI.Pipeline.Services.SendKcidb;

/// <summary>The KCIDB bridge: sends done nodes to KCIDB, with an outbox sweep so that none is missed (kernelci/kernelci-pipeline:src/send_kcidb.py).</summary>
internal static class SendKcidbRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(sp => sp.GetRequiredService<PipelineOptions>().Bridge);
        services.TryAddSingleton<LogExcerpts>();
        services.TryAddSingleton<KcidbSender>();
        services.AddHostedService<SendKcidbService>();
    }
}
