using System.Security.Claims;
using System.Text.Encodings.Web;
using KernelCI.ServiceDefaults.Jwt;
using KernelCI.Storage.Files;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KernelCI.Storage.Auth;

/// <summary>The storage token from `Authorization` (<see cref="StorageAuthenticator.TokenFrom"/>); a request without
/// a valid one gets kernelci-storage's 401 `Unauthorized` in plain text. Runs only on the endpoints whose
/// policy names it (<see cref="StorageAuthentication.Policy"/>): downloads and listing never authenticate.</summary>
internal sealed class StorageAuthenticationHandler(IOptionsMonitor<StorageAuthenticationOptions> options, ILoggerFactory loggerFactory,
    UrlEncoder encoder, ILogger<UploadWriter> failures) : AuthenticationHandler<StorageAuthenticationOptions>(options, loggerFactory, encoder)
{
    public const string EmailClaim = "email";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = StorageAuthenticator.TokenFrom(Request.Headers.Authorization.ToString());
        if (token is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("missing Authorization header"));
        }

        var result = Hs256Jwt.Validate(token, Options.Secrets, TimeProvider.GetUtcNow(), requireExpiry: false);
        if (!result.IsValid)
        {
            return Task.FromResult(AuthenticateResult.Fail(result.Error!));
        }

        var email = result.GetString(EmailClaim);
        if (string.IsNullOrEmpty(email))
        {
            return Task.FromResult(AuthenticateResult.Fail("invalid token: no email claim"));
        }

        var identity = new ClaimsIdentity([new Claim(EmailClaim, email)], Scheme.Name, EmailClaim, null);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // Uploads log why (under the category these lines always had); `/v1/checkauth` answers the question it was asked.
        if (Context.GetEndpoint()?.Metadata.GetMetadata<AuthProbe>() is null)
        {
            var result = await HandleAuthenticateOnceSafeAsync();
            StorageLog.AuthFailed(failures, result.Failure?.Message ?? "", Request.Path);
        }

        await TypedResults.Text("Unauthorized", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }
}
