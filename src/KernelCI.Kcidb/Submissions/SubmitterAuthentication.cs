using KernelCI.ServiceDefaults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KernelCI.Kcidb.Submissions;

/// <summary>Registers the submitter token scheme and the policy that the submission routes require. No default scheme:
/// the query API and /health never pay for a token check.</summary>
internal static class SubmitterAuthentication
{
    public const string Scheme = "KcidbSubmitterToken";

    public const string Policy = "KcidbSubmitter";

    public static IServiceCollection AddKcidbAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<SubmitterTokenOptions, SubmitterTokenHandler>(Scheme, _ => { });
        services.AddSingleton<IAuthenticationSchemeProvider, NoDefaultSchemeProvider>();
        services.AddOptions<SubmitterTokenOptions>(Scheme).Configure<HostContext, KcidbOptions>((o, context, kcidb) =>
        {
            o.Secrets = [context.Secrets.Get(SubmissionAuthenticator.SecretName), .. kcidb.ExtraSecrets];
            o.TimeProvider = context.TimeProvider;
        });
        // AuthenticationHandler logs every refused token and challenge at Information under the handler's own name;
        // a refusal is the client's business, answered in the reply, and was never logged.
        services.Configure<LoggerFilterOptions>(o => o.AddFilter(typeof(SubmitterTokenHandler).FullName, LogLevel.Warning));
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }
}
