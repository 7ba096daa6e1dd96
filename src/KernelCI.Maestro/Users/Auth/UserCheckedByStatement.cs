namespace KernelCI.Maestro.Users.Auth;

/// <summary>Endpoint metadata: the endpoint's statement checks the token's user (deleted, inactive, revoked) itself, so
/// <see cref="BearerAuthenticationHandler"/> only checks the token. `/listen` is polled by every subscriber after each
/// event; reading the user there made all of them miss the cache together once a second.</summary>
internal sealed class UserCheckedByStatement
{
    public static readonly UserCheckedByStatement Instance = new();
}
