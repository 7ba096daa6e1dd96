using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace KernelCI.ServiceDefaults.Tests.Jwt;

/// <summary>Tokens that every HS256 checker must refuse, by name.</summary>
internal static class BadToken
{
    public static readonly string[] Names =
        ["alg none", "alg none signed", "HS384", "RS256 header", "bad signature", "other secret", "expired", "no exp"];

    public static string Make(string name, string secret, DateTimeOffset now)
    {
        var claims = $$"""{"sub":"user","exp":{{now.AddHours(1).ToUnixTimeSeconds()}}}""";
        return name switch
        {
            "alg none" => Encode("""{"alg":"none","typ":"JWT"}""") + "." + Encode(claims) + ".",
            "alg none signed" => Signed("""{"alg":"none","typ":"JWT"}""", claims, secret, HMACSHA256.HashData),
            "HS384" => Signed("""{"alg":"HS384","typ":"JWT"}""", claims, secret, HMACSHA384.HashData),
            "RS256 header" => Signed("""{"alg":"RS256","typ":"JWT"}""", claims, secret, HMACSHA256.HashData),
            "bad signature" => Tamper(Signed("""{"alg":"HS256","typ":"JWT"}""", claims, secret, HMACSHA256.HashData)),
            "other secret" => Signed("""{"alg":"HS256","typ":"JWT"}""", claims, secret + "-other", HMACSHA256.HashData),
            "expired" => Signed("""{"alg":"HS256","typ":"JWT"}""", $$"""{"sub":"user","exp":{{now.AddSeconds(-1).ToUnixTimeSeconds()}}}""", secret, HMACSHA256.HashData),
            "no exp" => Signed("""{"alg":"HS256","typ":"JWT"}""", """{"sub":"user"}""", secret, HMACSHA256.HashData),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private static string Signed(string header, string claims, string secret, Func<byte[], byte[], byte[]> hash)
    {
        var input = Encode(header) + "." + Encode(claims);
        return input + "." + Base64Url.EncodeToString(hash(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(input)));
    }

    // The first signature character changed: still base64url, no longer the signature.
    private static string Tamper(string token)
    {
        var at = token.LastIndexOf('.') + 1;
        return token[..at] + (token[at] == 'A' ? 'B' : 'A') + token[(at + 1)..];
    }
}
