using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Jwt;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Maestro.Users;

/// <summary>Resolves the caller from `Authorization: Bearer`; tokens of deleted users or older token versions are refused.</summary>
internal sealed class CurrentUser(UserStore users, UserCache cache, SecretStore secrets, TimeProvider time)
{
    /// <summary>The user id and token version of a well-signed, unexpired token, not yet checked against the user
    /// (deleted, deactivated or revoked); for statements that check that themselves.</summary>
    public (string UserId, int Version)? Claims(HttpContext http) =>
        BearerToken.From(http.Request) is { } token ? UserTokens.Read(token, secrets.Get(UserTokens.SecretName), time.GetUtcNow()) : null;

    public async Task<MaestroUser?> TryGetAsync(HttpContext http)
    {
        if (Claims(http) is not { } claims)
        {
            return null;
        }

        if (!cache.TryGet(claims.UserId, out var user))
        {
            var generation = cache.Generation;
            user = await users.ByIdAsync(claims.UserId, http.RequestAborted);
            if (user is not null)
            {
                cache.Add(user, generation);
            }
        }

        return user is { IsActive: true } && user.TokenVersion == claims.Version ? user : null;
    }

    public async Task<MaestroUser> RequireAsync(HttpContext http) =>
        await TryGetAsync(http) ?? throw new MaestroException(StatusCodes.Status401Unauthorized, "Unauthorized");

    public async Task<MaestroUser> RequireAdminAsync(HttpContext http)
    {
        var user = await RequireAsync(http);
        return user.IsSuperuser ? user : throw new MaestroException(StatusCodes.Status403Forbidden, "Forbidden");
    }
}
