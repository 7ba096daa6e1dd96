using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KernelCI.ServiceDefaults.Tests.Jwt;

/// <summary>HS256 tokens made and checked by Microsoft.IdentityModel.JsonWebTokens, configured as upstream checks them.
/// The library reads the system clock (its TimeProvider is not public).</summary>
internal static class LibraryJwt
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static SymmetricSecurityKey Key(string secret) => new(Encoding.UTF8.GetBytes(secret));

    public static string Sign(JsonObject claims, string secret) =>
        Handler.CreateToken(claims.ToJsonString(), new SigningCredentials(Key(secret), SecurityAlgorithms.HmacSha256));

    public static TokenValidationParameters Parameters(string secret, bool requireExpiry) => new()
    {
        IssuerSigningKey = Key(secret),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidateIssuer = false,
        ValidateAudience = false,
        ClockSkew = TimeSpan.Zero,
        RequireExpirationTime = requireExpiry,
    };

    public static async Task<TokenValidationResult> ValidateAsync(string token, string secret, bool requireExpiry = true) =>
        await Handler.ValidateTokenAsync(token, Parameters(secret, requireExpiry));

}
