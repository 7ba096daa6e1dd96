using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Kcidb.Submissions;

/// <summary>Registers the submitter token scheme and the policy that the submission routes require. No default scheme:
/// the query API and /health never pay for a token check.</summary>
internal static class SubmitterAuthentication
{
    public const string Scheme = "KcidbSubmitterToken";

    public const string Policy = "KcidbSubmitter";

    public static IServiceCollection AddKcidbAuthentication(this IServiceCollection services)
    {
        services.AddComponentAuthentication<SubmitterTokenOptions, SubmitterTokenHandler>(Scheme).AddSchemePolicy(Policy, Scheme);
        services.AddOptions<SubmitterTokenOptions>(Scheme).Configure<HostContext, KcidbOptions>((o, context, kcidb) =>
        {
            o.Secrets = [context.Secrets.Get(SubmissionAuthenticator.SecretName), .. kcidb.ExtraSecrets];
            o.TimeProvider = context.TimeProvider;
        });
        return services;
    }
}
