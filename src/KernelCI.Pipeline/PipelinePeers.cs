using KernelCI.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace KernelCI.Pipeline;

/// <summary>Fills what the pipeline needs to reach the components of its own deployment, where the configuration leaves
/// it out: their URLs and credentials of the pipeline's service account (<see cref="ServiceUser"/>: an admin user of
/// Maestro, a KCIDB submitter of the pipeline's <see cref="PipelineOptions.Origin"/>, a storage uploader).</summary>
public static class PipelinePeers
{
    public const string ServiceUser = "pipeline";

    public static async Task<PipelineOptions> CompleteAsync(PipelineOptions options, Deployment deployment, CancellationToken cancellationToken)
    {
        if (options.MaestroToken is null && !deployment.IsLocal("maestro"))
        {
            throw new OptionsValidationException("Pipeline", typeof(PipelineOptions),
                ["Pipeline:MaestroToken must be set when the Maestro API runs in another process"]);
        }

        var account = new ServiceAccount(ServiceUser, options.Origin);
        return options with
        {
            MaestroUrl = options.MaestroUrl ?? new Uri(deployment.UrlOf("maestro"), "latest/").ToString(),
            KcidbUrl = options.KcidbUrl ?? deployment.UrlOf("kcidb").ToString(),
            StorageUrl = options.StorageUrl ?? deployment.UrlOf("storage").ToString(),
            MaestroToken = options.MaestroToken ?? await deployment.IssueCredentialAsync("maestro", account, cancellationToken),
            KcidbToken = options.KcidbToken ?? await deployment.IssueCredentialAsync("kcidb", account, cancellationToken),
            StorageToken = options.StorageToken ?? await deployment.IssueCredentialAsync("storage", account, cancellationToken),
            WorkDirectory = options.WorkDirectory ?? Path.Combine(deployment.Context.DataDirectory, "pipeline"),
            // The checks link to this deployment's dashboard unless another is named.
            Patchwork = options.Patchwork.DashboardUrl is null && deployment.IsLocal("dashboard")
                ? options.Patchwork with { DashboardUrl = deployment.UrlOf("dashboard").ToString() }
                : options.Patchwork,
            Nipa = options.Nipa.DashboardUrl is null && deployment.IsLocal("dashboard")
                ? options.Nipa with { DashboardUrl = deployment.UrlOf("dashboard").ToString() }
                : options.Nipa,
        };
    }
}
