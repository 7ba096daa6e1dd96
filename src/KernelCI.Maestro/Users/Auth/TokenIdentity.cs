using System.Security.Claims;

namespace KernelCI.Maestro.Users.Auth;

/// <summary>A caller whose token is well signed and unexpired, on an endpoint whose statement checks the user itself
/// (<see cref="UserCheckedByStatement"/>): the user record is not read for it.</summary>
internal sealed class TokenIdentity(TokenClaims claims) : ClaimsIdentity(MaestroAuthentication.Scheme)
{
    public TokenClaims Token { get; } = claims;
}
