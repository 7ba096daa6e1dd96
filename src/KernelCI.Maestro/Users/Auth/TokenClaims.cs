using Microsoft.AspNetCore.Http;

namespace KernelCI.Maestro.Users.Auth;

/// <summary>The user id and token version of the caller's token, bound as a handler parameter: on endpoints marked
/// <see cref="UserCheckedByStatement"/> the user itself is not read (their statement checks it).</summary>
internal sealed record TokenClaims(string UserId, int Version)
{
    public static ValueTask<TokenClaims?> BindAsync(HttpContext http) => ValueTask.FromResult(http.User.Identity switch
    {
        TokenIdentity token => token.Token,
        MaestroIdentity signedIn => new TokenClaims(signedIn.User.Id, signedIn.User.TokenVersion),
        _ => null,
    });
}
