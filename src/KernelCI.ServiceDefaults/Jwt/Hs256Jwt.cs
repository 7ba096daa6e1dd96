using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.ServiceDefaults.Jwt;

/// <summary>HS256 JSON Web Tokens, the only kind upstream's services issue and accept.</summary>
public static class Hs256Jwt
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    public static string Sign(JsonObject claims, string secret)
    {
        var header = Base64Url.EncodeToString(Header);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signingInput = header + "." + payload;
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Checks the signature against any of the secrets, then `exp` (required unless <paramref name="requireExpiry"/> is false).</summary>
    public static JwtValidation Validate(string token, IReadOnlyList<string> secrets, DateTimeOffset now, bool requireExpiry = true)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return JwtValidation.Fail("malformed token: expected three dot-separated parts");
        }

        byte[] headerBytes, payloadBytes, signature;
        try
        {
            headerBytes = Base64Url.DecodeFromChars(parts[0]);
            payloadBytes = Base64Url.DecodeFromChars(parts[1]);
            signature = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (FormatException)
        {
            return JwtValidation.Fail("malformed token: bad base64url");
        }

        JsonElement header, payload;
        try
        {
            header = JsonDocument.Parse(headerBytes).RootElement;
            payload = JsonDocument.Parse(payloadBytes).RootElement;
        }
        catch (JsonException)
        {
            return JwtValidation.Fail("malformed token: header or payload is not JSON");
        }

        if (header.ValueKind != JsonValueKind.Object || payload.ValueKind != JsonValueKind.Object)
        {
            return JwtValidation.Fail("malformed token: header or payload is not an object");
        }

        if (!header.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "HS256")
        {
            return JwtValidation.Fail("unsupported token algorithm: only HS256 is accepted");
        }

        var signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        var signed = secrets.Any(secret => CryptographicOperations.FixedTimeEquals(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signingInput), signature));
        if (!signed)
        {
            return JwtValidation.Fail("invalid token signature");
        }

        if (payload.TryGetProperty("exp", out var exp))
        {
            if (exp.ValueKind != JsonValueKind.Number || !exp.TryGetDouble(out var seconds))
            {
                return JwtValidation.Fail("invalid token: exp is not a number");
            }

            if (now.ToUnixTimeSeconds() >= seconds)
            {
                return JwtValidation.Fail("token expired");
            }
        }
        else if (requireExpiry)
        {
            return JwtValidation.Fail("invalid token: exp claim is required");
        }

        return JwtValidation.Ok(payload.Clone());
    }
}
