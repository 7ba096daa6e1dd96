using KernelCI.ServiceDefaults;
using KernelCI.Pipeline;
using Microsoft.Extensions.Configuration;

namespace KernelCI.Host.Serve;

/// <summary>Completes pipeline options for the deployment whose data folder is <see cref="HostContext.DataDirectory"/>
/// and whose listeners start at a base port, as `serve` does (<see cref="PipelinePeers"/>): for the pipeline commands
/// run beside a deployment, and tests.</summary>
public static class EmbeddedPipeline
{
    public const string ServiceUser = PipelinePeers.ServiceUser;

    public static Task<PipelineOptions> CompleteAsync(PipelineOptions options, HostContext context, string host, int basePort,
        CancellationToken cancellationToken = default) =>
        PipelinePeers.CompleteAsync(options,
            new Deployment(context, new ConfigurationBuilder().Build(), Components.All(), _ => true, host, basePort), cancellationToken);
}
