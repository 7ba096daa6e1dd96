using System.Security.Claims;
using System.Text.Encodings.Web;
using KernelCI.ServiceDefaults.Jwt;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KernelCI.Kcidb.Submissions;

/// <summary>Checks a submitter's `Authorization: Bearer` JWT once per request; a refusal is kcidb-restd-rs's 401
/// `{"id":"0","status":"error","message"}`, its message saying what was wrong with the token.</summary>
internal sealed class SubmitterTokenHandler(IOptionsMonitor<SubmitterTokenOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<SubmitterTokenOptions>(options, logger, encoder)
{
    public const string MissingToken = "missing Authorization: Bearer <token> header";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken.From(Request);
        if (token is null)
        {
            return Task.FromResult(AuthenticateResult.Fail(MissingToken));
        }

        var result = Hs256Jwt.Validate(token, Options.Secrets, TimeProvider.GetUtcNow());
        if (!result.IsValid)
        {
            return Task.FromResult(AuthenticateResult.Fail(result.Error!));
        }

        var origin = result.GetString("origin");
        if (origin is null || !SubmissionAuthenticator.OriginPattern().IsMatch(origin))
        {
            return Task.FromResult(AuthenticateResult.Fail("invalid token: the origin claim must match ^[a-z0-9_]+$"));
        }

        var identity = new SubmitterIdentity(origin, result.GetBoolean("admin"));
        var principal = new ClaimsPrincipal(identity.ToClaimsIdentity(Scheme.Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await SubmissionErrors.Refuse(Context, StatusCodes.Status401Unauthorized, result.Failure?.Message ?? MissingToken).ExecuteAsync(Context);
    }
}
