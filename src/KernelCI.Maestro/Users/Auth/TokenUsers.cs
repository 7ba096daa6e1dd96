namespace KernelCI.Maestro.Users.Auth;

/// <summary>The user a well-signed token names, from <see cref="UserCache"/> when a recent request read it: null when
/// the user is deleted or inactive, or the token's version is older than the user's (revoked).</summary>
internal sealed class TokenUsers(UserStore users, UserCache cache)
{
    public async Task<MaestroUser?> FindAsync(TokenClaims claims, CancellationToken cancellationToken)
    {
        if (!cache.TryGet(claims.UserId, out var user))
        {
            var generation = cache.Generation;
            user = await users.ByIdAsync(claims.UserId, cancellationToken);
            if (user is not null)
            {
                cache.Add(user, generation);
            }
        }

        return user is { IsActive: true } && user.TokenVersion == claims.Version ? user : null;
    }
}
