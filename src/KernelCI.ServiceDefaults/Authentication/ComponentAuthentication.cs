using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace KernelCI.ServiceDefaults.Authentication;

/// <summary>The one way a component authenticates (docs/architecture.md, "One way for each cross-cutting concern"): an
/// AuthenticationHandler per token kind, policies naming its scheme, `.RequireAuthorization(policy)` on route groups.</summary>
public static class ComponentAuthentication
{
    /// <summary>Registers <typeparamref name="THandler"/> under <paramref name="scheme"/> with no default scheme, and
    /// returns the authorization builder for the component's policies.</summary>
    public static AuthorizationBuilder AddComponentAuthentication<TOptions, THandler>(this IServiceCollection services, string scheme)
        where TOptions : AuthenticationSchemeOptions, new()
        where THandler : AuthenticationHandler<TOptions>
    {
        services.AddAuthentication().AddScheme<TOptions, THandler>(scheme, _ => { });
        services.Replace(ServiceDescriptor.Singleton<IAuthenticationSchemeProvider, NoDefaultSchemeProvider>());
        // The base handler logs every refused token and challenge at Information under the handler's name; a refusal
        // is the client's business, answered in the reply, and components log what an operator needs themselves.
        services.Configure<LoggerFilterOptions>(o => o.AddFilter(typeof(THandler).FullName, LogLevel.Warning));
        return services.AddAuthorizationBuilder();
    }

    /// <summary>A policy that the caller holds a valid token of <paramref name="scheme"/>.</summary>
    public static AuthorizationBuilder AddSchemePolicy(this AuthorizationBuilder builder, string policy, string scheme) =>
        builder.AddPolicy(policy, p => p.AddAuthenticationSchemes(scheme).RequireAuthenticatedUser());
}
