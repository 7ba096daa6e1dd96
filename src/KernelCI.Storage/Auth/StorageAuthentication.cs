using KernelCI.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KernelCI.Storage.Auth;

/// <summary>Registers the storage token scheme and the policy of the upload routes. No default scheme: only the
/// endpoints that require <see cref="Policy"/> authenticate.</summary>
internal static class StorageAuthentication
{
    public const string Scheme = "StorageJwt";

    public const string Policy = "StorageUpload";

    private const string SuppressAutoDefaultScheme = "Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme";

    public static IServiceCollection AddStorageAuthentication(this IServiceCollection services, HostContext context, StorageOptions options)
    {
        // With a single scheme ASP.NET Core makes it the default (since .NET 7) and authenticates every request,
        // downloads too. Its switch is process-wide; every component wants it (no default scheme anywhere).
        AppContext.SetSwitch(SuppressAutoDefaultScheme, true);
        services.AddAuthentication()
            .AddScheme<StorageAuthenticationOptions, StorageAuthenticationHandler>(Scheme, o =>
            {
                o.Secrets = [context.Secrets.Get(StorageAuthenticator.SecretName), .. options.ExtraSecrets];
                o.TimeProvider = context.TimeProvider;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        // The base handler's own Information lines ("was not authenticated", "was challenged") were never logged.
        services.AddLogging(logging => logging.AddFilter(typeof(StorageAuthenticationHandler).FullName, LogLevel.Warning));
        return services;
    }
}
