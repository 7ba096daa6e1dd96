using System.Text.Json;
using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Jwt;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Pipeline.Api;

/// <summary>Checks the token and its permission. kci-dev sends the raw token as `Authorization: &lt;token&gt;`;
/// "Bearer &lt;token&gt;" is accepted too. Upstream answers 401 both for a bad token and a missing permission.</summary>
internal static class ApiAuth
{
    public static ApiUser Require(HttpContext http, string permission)
    {
        var header = http.Request.Headers.Authorization.ToString().Trim();
        if (header.Length == 0)
        {
            throw ApiException.Unauthorized("Authorization header missing");
        }

        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : header;
        var context = http.RequestServices.GetService(typeof(HostContext)) as HostContext
            ?? throw new InvalidOperationException("the pipeline API needs the HostContext");
        var validation = Hs256Jwt.Validate(token, [context.Secrets.Get(PipelineTokens.SecretName)],
            context.TimeProvider.GetUtcNow(), requireExpiry: false);
        if (!validation.IsValid)
        {
            throw ApiException.Unauthorized(validation.Error ?? "invalid token");
        }

        var claims = validation.Claims;
        var email = claims.TryGetProperty("email", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        if (string.IsNullOrWhiteSpace(email))
        {
            throw ApiException.Unauthorized("token has no email claim");
        }

        var permissions = claims.TryGetProperty("permissions", out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
        if (!permissions.Contains(permission))
        {
            throw ApiException.Unauthorized($"token lacks the '{permission}' permission");
        }

        return new ApiUser(email, permissions);
    }
}
