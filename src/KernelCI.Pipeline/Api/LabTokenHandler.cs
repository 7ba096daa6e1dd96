using System.Security.Claims;
using System.Text.Encodings.Web;
using KernelCI.Pipeline.Runtimes.Lava.Callback;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KernelCI.Pipeline.Api;

/// <summary>Authenticates a lab's callback: LAVA sends the raw secret of the token named in the job's
/// notify.callback as `Authorization: &lt;secret&gt;`, without a scheme (storage-and-lava.md B.7 is the payload as
/// received; docs/labs.md). The caller becomes one `lab` claim per lab holding that token. No token, or one no lab
/// holds, is 401 `{"message": "Unauthorized: …"}`, as upstream.</summary>
internal sealed class LabTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, LabTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "LabToken";

    public const string Policy = "lab-callback";

    public const string LabClaim = "lab";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString().Trim();
        if (header.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var labs = tokens.LabsOf(header);
        if (labs.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.Fail("the token is no lab's runtime or callback token"));
        }

        var identity = new ClaimsIdentity(labs.Select(l => new Claim(LabClaim, l)), SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await ApiReply.Message("Unauthorized: " + (result.Failure?.Message ?? "Authorization header missing"), StatusCodes.Status401Unauthorized)
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiReply.Message("Unauthorized", StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
}
