using KernelCI.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Api;

/// <summary>The pipeline API's authentication scheme (<see cref="PipelineTokenHandler"/>) and one authorization policy
/// per permission of <see cref="PipelineTokens.Permissions"/>. No default scheme: only the groups that name a policy
/// pay for authentication.</summary>
internal static class PipelineAuth
{
    public const string Scheme = "PipelineToken";

    public const string EmailClaim = "email";

    public const string PermissionsClaim = "permissions";

    /// <summary>Read endpoints (the lab view): any valid pipeline token, whatever its permissions.</summary>
    public const string ReadPolicy = "pipeline:read";

    public static string Policy(string permission) => "pipeline:" + permission;

    public static IServiceCollection AddPipelineAuth(this IServiceCollection services)
    {
        var authorization = services.AddComponentAuthentication<AuthenticationSchemeOptions, PipelineTokenHandler>(Scheme);
        foreach (var permission in PipelineTokens.Permissions)
        {
            authorization.AddPolicy(Policy(permission), p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser()
                .RequireClaim(PermissionsClaim, permission));
        }

        authorization.AddPolicy(ReadPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>Requires a pipeline token carrying <paramref name="permission"/> on every endpoint of the group.</summary>
    public static RouteGroupBuilder RequirePermission(this RouteGroupBuilder group, string permission) =>
        group.RequireAuthorization(Policy(permission)).WithMetadata(new ApiPermission(permission));
}
