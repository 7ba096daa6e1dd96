using System.Text.Json.Nodes;
using KernelCI.ServiceDefaults.Jwt;

namespace KernelCI.Maestro.Users;

/// <summary>fastapi-users-compatible JWTs (`sub`, `aud: fastapi-users:auth`, `exp`) plus `ver`, which revocation bumps.</summary>
public static class UserTokens
{
    public const string SecretName = "maestro-jwt";
    public const string Audience = "fastapi-users:auth";

    public static string Issue(string secret, string userId, int tokenVersion, DateTimeOffset expires) => Hs256Jwt.Sign(new JsonObject
    {
        ["sub"] = userId,
        ["aud"] = new JsonArray(Audience),
        ["exp"] = expires.ToUnixTimeSeconds(),
        ["ver"] = tokenVersion,
    }, secret);

    /// <summary>The user id and token version of a valid token, or null.</summary>
    public static (string UserId, int Version)? Read(string token, string secret, DateTimeOffset now)
    {
        var validation = Hs256Jwt.Validate(token, [secret], now, requireExpiry: false);
        if (!validation.IsValid || validation.GetString("sub") is not { } sub)
        {
            return null;
        }

        var claims = validation.Claims;
        var audienceOk = claims.TryGetProperty("aud", out var aud) && (aud.ValueKind == System.Text.Json.JsonValueKind.String
            ? aud.GetString() == Audience
            : aud.ValueKind == System.Text.Json.JsonValueKind.Array && aud.EnumerateArray().Any(a => a.GetString() == Audience));
        if (!audienceOk)
        {
            return null;
        }

        var version = claims.TryGetProperty("ver", out var ver) && ver.TryGetInt32(out var v) ? v : 0;
        return (sub, version);
    }
}
