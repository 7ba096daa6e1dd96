using KernelCI.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Maestro.Users.Auth;

/// <summary>Maestro's one way to sign callers in: the bearer JWT scheme and the policies that route groups require.
/// No default scheme: public endpoints (nodes, events, the viewer) never pay for reading a token.</summary>
internal static class MaestroAuthentication
{
    public const string Scheme = "MaestroBearer";

    /// <summary>A signed-in, active user whose token is current.</summary>
    public const string UserPolicy = "user";

    /// <summary>A signed-in superuser; others get 403.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>Reads the token if there is one and lets everyone through: for endpoints that answer anonymous and
    /// signed-in callers differently (POST /user/register).</summary>
    public const string OptionalPolicy = "optional";

    public static IServiceCollection AddMaestroAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<UserCache>();
        services.AddSingleton<TokenUsers>();
        services.AddComponentAuthentication<AuthenticationSchemeOptions, BearerAuthenticationHandler>(Scheme)
            .AddPolicy(UserPolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser())
            .AddPolicy(AdminPolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.Identity is MaestroIdentity { User.IsSuperuser: true }))
            .AddPolicy(OptionalPolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAssertion(_ => true));
        return services;
    }
}
