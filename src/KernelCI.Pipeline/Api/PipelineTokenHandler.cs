using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Jwt;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KernelCI.Pipeline.Api;

/// <summary>Authenticates a developer token of the pipeline API (<see cref="PipelineTokens"/>). kci-dev sends the raw
/// token as `Authorization: &lt;token&gt;`; "Bearer &lt;token&gt;" is accepted too; `exp` is optional. Upstream
/// answers 401 both for a bad token and a missing permission, with `{"message": "Unauthorized: …"}`
/// (kernelci/kernelci-pipeline:src/lava_callback.py), so the challenge and the refusal both write that.</summary>
internal sealed class PipelineTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, SecretStore secrets, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString().Trim();
        if (header.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : header;
        var validation = Hs256Jwt.Validate(token, [secrets.Get(PipelineTokens.SecretName)], clock.GetUtcNow(), requireExpiry: false);
        if (!validation.IsValid)
        {
            return Task.FromResult(AuthenticateResult.Fail(validation.Error ?? "invalid token"));
        }

        var email = validation.GetString(PipelineAuth.EmailClaim);
        if (string.IsNullOrWhiteSpace(email))
        {
            return Task.FromResult(AuthenticateResult.Fail("token has no email claim"));
        }

        var claims = new List<Claim> { new(PipelineAuth.EmailClaim, email) };
        if (validation.Claims.TryGetProperty(PipelineAuth.PermissionsClaim, out var permissions) && permissions.ValueKind == JsonValueKind.Array)
        {
            claims.AddRange(permissions.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String)
                .Select(p => new Claim(PipelineAuth.PermissionsClaim, p.GetString()!)));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, PipelineAuth.Scheme));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, PipelineAuth.Scheme)));
    }

    /// <summary>No token, or a bad one: 401 with the reason.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await Refuse(result.Failure?.Message ?? "Authorization header missing");
    }

    /// <summary>A good token without the endpoint's permission: 401 too, as upstream.</summary>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var permission = Context.GetEndpoint()?.Metadata.GetMetadata<ApiPermission>()?.Name;
        return Refuse($"token lacks the '{permission}' permission");
    }

    private Task Refuse(string reason) => ApiReply.Message("Unauthorized: " + reason, StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
}
