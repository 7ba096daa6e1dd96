using System.Security.Claims;
using System.Text.Encodings.Web;
using KernelCI.Notifications.Subscriptions;
using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Jwt;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KernelCI.Notifications.Http;

/// <summary>Who calls the subscription and outbox API: an admin, by a KCIDB admin token (`kernelci kcidb token
/// --admin`, checked with KCIDB's secret in the same data folder) as `Authorization: Bearer`; or the owner of an
/// address, by the signed `token` of the manage link in every mail. A forged or expired one is refused with 403.</summary>
internal sealed class CallerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    SecretStore secrets, SignedTokens tokens, TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "notifications";
    public const string AddressClaim = "address";
    public const string AdminClaim = "admin";

    // KCIDB's signing secret (src/KernelCI.Kcidb/Submissions/SubmissionAuthenticator.cs), named here to keep the
    // components apart.
    private const string KcidbSecret = "kcidb-jwt";
    private const string ErrorItem = "notifications.token-error";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.From(Request) is { } bearer)
        {
            var result = Hs256Jwt.Validate(bearer, [secrets.Get(KcidbSecret)], time.GetUtcNow());
            return Task.FromResult(result.IsValid && result.GetBoolean("admin")
                ? Success(new Claim(AdminClaim, "true"))
                : Fail(result.IsValid ? "Authorization: not an admin token" : $"Authorization: {result.Error}"));
        }

        if (Request.Query["token"].ToString() is { Length: > 0 } token)
        {
            var (address, error) = tokens.Validate(token, SignedTokens.Manage);
            return Task.FromResult(address is not null ? Success(new Claim(AddressClaim, address)) : Fail(error!));
        }

        return Task.FromResult(AuthenticateResult.NoResult());
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var error = Context.Items[ErrorItem] as string;
        Response.StatusCode = error is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        await Response.WriteAsJsonAsync(new { detail = error ?? "token: required (the link in any of our mails), or an admin's bearer token" },
            (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Response.WriteAsJsonAsync(new { detail = "Authorization: this needs an admin token" }, (System.Text.Json.JsonSerializerOptions?)null,
            "application/problem+json");
    }

    private AuthenticateResult Success(Claim claim) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([claim], SchemeName)), SchemeName));

    private AuthenticateResult Fail(string error)
    {
        Context.Items[ErrorItem] = error;
        return AuthenticateResult.Fail(error);
    }
}
