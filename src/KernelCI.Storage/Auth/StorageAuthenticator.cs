using System.Text.Json.Nodes;
using KernelCI.ServiceDefaults.Jwt;

namespace KernelCI.Storage.Auth;

/// <summary>Upstream's storage JWT: HS256 with an `email` claim; `exp` is optional but honoured when present.
/// Requests are checked by <see cref="StorageAuthenticationHandler"/>; this holds what the host needs too.</summary>
public static class StorageAuthenticator
{
    public const string SecretName = "storage-jwt";

    /// <summary>As upstream: with exactly two words the second is the token, whatever the scheme word; otherwise the first.</summary>
    public static string? TokenFrom(string header)
    {
        var words = header.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length switch
        {
            0 => null,
            2 => words[1],
            _ => words[0],
        };
    }

    public static string IssueToken(string secret, string email, DateTimeOffset? expires)
    {
        var claims = new JsonObject { ["email"] = email };
        if (expires is { } at)
        {
            claims["exp"] = at.ToUnixTimeSeconds();
        }

        return Hs256Jwt.Sign(claims, secret);
    }
}
