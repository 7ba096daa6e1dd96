using KernelCI.ServiceDefaults;
using KernelCI.Kcidb.Submissions;
using KernelCI.Maestro.Users;
using KernelCI.Pipeline;
using KernelCI.Storage.Auth;

namespace KernelCI.Host.Serve;

/// <summary>Fills what the pipeline needs to reach the components of its own deployment: their URLs on this host and
/// credentials made from the data folder's secrets (a `pipeline` service user in Maestro, a KCIDB token for the
/// pipeline's origin, a storage token). Anything set in the configuration is kept.</summary>
public static class EmbeddedPipeline
{
    public const string ServiceUser = "pipeline";

    public static async Task<PipelineOptions> CompleteAsync(PipelineOptions options, HostContext context, string host, int basePort,
        CancellationToken cancellationToken = default)
    {
        var maestroToken = options.MaestroToken;
        if (maestroToken is null)
        {
            // An admin, as upstream's pipeline user: it writes every node and publishes on the retry channel.
            await UserAdmin.AddAsync(context.Database, ServiceUser, admin: true, [], password: null, cancellationToken);
            maestroToken = await UserAdmin.TokenAsync(context.Database, context.Secrets.Get(UserTokens.SecretName), ServiceUser,
                TimeSpan.FromDays(3650), cancellationToken);
        }

        var tenYears = context.TimeProvider.GetUtcNow().AddYears(10);
        return options with
        {
            MaestroUrl = options.MaestroUrl ?? $"http://{host}:{basePort + 1}/latest/",
            KcidbUrl = options.KcidbUrl ?? $"http://{host}:{basePort + 3}/",
            StorageUrl = options.StorageUrl ?? $"http://{host}:{basePort + 4}/",
            MaestroToken = maestroToken,
            KcidbToken = options.KcidbToken ?? SubmissionAuthenticator.IssueToken(
                context.Secrets.Get(SubmissionAuthenticator.SecretName), options.Origin, admin: false, tenYears),
            StorageToken = options.StorageToken ?? StorageAuthenticator.IssueToken(
                context.Secrets.Get(StorageAuthenticator.SecretName), "pipeline@kernelci.local", expires: null),
            WorkDirectory = options.WorkDirectory ?? Path.Combine(context.DataDirectory, "pipeline"),
        };
    }
}
