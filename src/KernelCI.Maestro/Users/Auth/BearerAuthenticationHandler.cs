using System.Text.Encodings.Web;
using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Jwt;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KernelCI.Maestro.Users.Auth;

/// <summary>`Authorization: Bearer` with a <see cref="UserTokens"/> JWT: refused when the user is deleted or inactive,
/// or the token's version is older than the user's (revoked). The user comes from <see cref="UserCache"/> when a
/// recent request read it. Refusals are upstream's `{"detail": "Unauthorized"}` (401) and `{"detail": "Forbidden"}`
/// (403), without a WWW-Authenticate header.</summary>
internal sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TokenUsers tokenUsers, SecretStore secrets, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.From(Request) is not { } token
            || UserTokens.Read(token, secrets.Get(UserTokens.SecretName), time.GetUtcNow()) is not { } read)
        {
            return AuthenticateResult.NoResult();
        }

        var claims = new TokenClaims(read.UserId, read.Version);
        if (Context.GetEndpoint()?.Metadata.GetMetadata<UserCheckedByStatement>() is not null)
        {
            return AuthenticateResult.Success(new AuthenticationTicket(new(new TokenIdentity(claims)), Scheme.Name));
        }

        return await tokenUsers.FindAsync(claims, Context.RequestAborted) is { } user
            ? AuthenticateResult.Success(new AuthenticationTicket(new(new MaestroIdentity(user)), Scheme.Name))
            : AuthenticateResult.NoResult();
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Detail.Write(Context, StatusCodes.Status401Unauthorized, "Unauthorized");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Detail.Write(Context, StatusCodes.Status403Forbidden, "Forbidden");
}
