using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.ServiceDefaults.Jwt;

/// <summary>
/// HS256 JSON Web Tokens, the only kind upstream's services issue and accept, keyed by the UTF-8 bytes of the secret
/// text. Ours rather than Microsoft.IdentityModel.JsonWebTokens' because that library refuses HMAC keys under 256 bits
/// and upstream's secrets may be shorter; tests hold the two against each other (docs/security.md, "Tokens").
/// </summary>
public static class Hs256Jwt
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    private const int StackKeyBytes = 256;

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
        // It runs once per authenticated request (KCIDB /submit, storage uploads, Maestro): spans and pooled buffers,
        // so that only the returned claims are allocated.
        var first = token.IndexOf('.', StringComparison.Ordinal);
        var second = first < 0 ? -1 : token.IndexOf('.', first + 1);
        if (second < 0 || token.IndexOf('.', second + 1) >= 0)
        {
            return JwtValidation.Fail("malformed token: expected three dot-separated parts");
        }

        var signingInput = token.AsSpan(0, second);
        var buffer = ArrayPool<byte>.Shared.Rent(2 * Base64Url.GetMaxDecodedLength(token.Length) + signingInput.Length);
        try
        {
            var decoded = buffer.AsMemory(0, 2 * Base64Url.GetMaxDecodedLength(token.Length));
            if (!TryDecode(signingInput[..first], decoded.Span, out var headerLength)
                || !TryDecode(signingInput[(first + 1)..], decoded.Span[headerLength..], out var payloadLength)
                || !TryDecode(token.AsSpan(second + 1), decoded.Span[(headerLength + payloadLength)..], out var signatureLength))
            {
                return JwtValidation.Fail("malformed token: bad base64url");
            }

            var input = buffer.AsSpan(decoded.Length, signingInput.Length);
            Encoding.ASCII.GetBytes(signingInput, input);
            return Check(decoded[..headerLength], decoded.Slice(headerLength, payloadLength),
                decoded.Span.Slice(headerLength + payloadLength, signatureLength), input, secrets, now, requireExpiry);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Base64Url.TryDecodeFromChars still throws on a part of impossible length (one character over a multiple of 4).
    private static bool TryDecode(ReadOnlySpan<char> part, Span<byte> destination, out int length)
    {
        try
        {
            return Base64Url.TryDecodeFromChars(part, destination, out length);
        }
        catch (FormatException)
        {
            length = 0;
            return false;
        }
    }

    private static JwtValidation Check(ReadOnlyMemory<byte> headerJson, ReadOnlyMemory<byte> payloadJson, ReadOnlySpan<byte> signature,
        ReadOnlySpan<byte> signingInput, IReadOnlyList<string> secrets, DateTimeOffset now, bool requireExpiry)
    {
        JsonDocument header, payload;
        try
        {
            header = JsonDocument.Parse(headerJson);
        }
        catch (JsonException)
        {
            return JwtValidation.Fail("malformed token: header or payload is not JSON");
        }

        using (header)
        {
            try
            {
                payload = JsonDocument.Parse(payloadJson);
            }
            catch (JsonException)
            {
                return JwtValidation.Fail("malformed token: header or payload is not JSON");
            }

            using (payload)
            {
                return Check(header.RootElement, payload.RootElement, signature, signingInput, secrets, now, requireExpiry);
            }
        }
    }

    private static JwtValidation Check(JsonElement header, JsonElement payload, ReadOnlySpan<byte> signature,
        ReadOnlySpan<byte> signingInput, IReadOnlyList<string> secrets, DateTimeOffset now, bool requireExpiry)
    {
        if (header.ValueKind != JsonValueKind.Object || payload.ValueKind != JsonValueKind.Object)
        {
            return JwtValidation.Fail("malformed token: header or payload is not an object");
        }

        if (!header.TryGetProperty("alg"u8, out var alg) || alg.ValueKind != JsonValueKind.String || !alg.ValueEquals("HS256"u8))
        {
            return JwtValidation.Fail("unsupported token algorithm: only HS256 is accepted");
        }

        if (!SignedByAny(secrets, signingInput, signature))
        {
            return JwtValidation.Fail("invalid token signature");
        }

        if (payload.TryGetProperty("exp"u8, out var exp))
        {
            if (exp.ValueKind != JsonValueKind.Number || !exp.TryGetDouble(out var seconds))
            {
                return JwtValidation.Fail("invalid token: exp is not a number");
            }

            // Expired from the second of `exp` on, as PyJWT (upstream's) decides: `exp <= now`.
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

    private static bool SignedByAny(IReadOnlyList<string> secrets, ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Span<byte> stackKey = stackalloc byte[StackKeyBytes];
        var signed = false;
        for (var i = 0; i < secrets.Count; i++)
        {
            var keyLength = Encoding.UTF8.GetByteCount(secrets[i]);
            var rented = keyLength > StackKeyBytes ? ArrayPool<byte>.Shared.Rent(keyLength) : null;
            var key = rented is null ? stackKey : rented.AsSpan();
            key = key[..Encoding.UTF8.GetBytes(secrets[i], key)];
            HMACSHA256.HashData(key, signingInput, hash);
            CryptographicOperations.ZeroMemory(key);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }

            // Every secret is tried, so the time taken does not tell which one matched.
            signed |= CryptographicOperations.FixedTimeEquals(hash, signature);
        }

        return signed;
    }
}
