using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Storage.Auth;

/// <summary>Registers the storage token scheme and the policy of the upload routes. No default scheme: only the
/// endpoints that require <see cref="Policy"/> authenticate.</summary>
internal static class StorageAuthentication
{
    public const string Scheme = "StorageJwt";

    public const string Policy = "StorageUpload";

    public static IServiceCollection AddStorageAuthentication(this IServiceCollection services, HostContext context, StorageOptions options)
    {
        services.AddComponentAuthentication<StorageAuthenticationOptions, StorageAuthenticationHandler>(Scheme).AddSchemePolicy(Policy, Scheme);
        services.AddOptions<StorageAuthenticationOptions>(Scheme).Configure(o =>
        {
            o.Secrets = [context.Secrets.Get(StorageAuthenticator.SecretName), .. options.ExtraSecrets];
            o.TimeProvider = context.TimeProvider;
        });
        return services;
    }
}
