using System.Text.Json.Nodes;
using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Jwt;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Storage.Auth;

/// <summary>Upstream's storage JWT: HS256 with an `email` claim; `exp` is optional but honoured when present.</summary>
public sealed class StorageAuthenticator(HostContext context, StorageOptions options)
{
    public const string SecretName = "storage-jwt";

    private readonly IReadOnlyList<string> _secrets = [context.Secrets.Get(SecretName), .. options.ExtraSecrets];

    /// <summary>The email of a valid token, or null with the reason.</summary>
    public string? Authenticate(HttpRequest request, out string error)
    {
        var token = TokenFrom(request.Headers.Authorization.ToString());
        if (token is null)
        {
            error = "missing Authorization header";
            return null;
        }

        var result = Hs256Jwt.Validate(token, _secrets, context.TimeProvider.GetUtcNow(), requireExpiry: false);
        var email = result.GetString("email");
        error = result.IsValid ? (email is null ? "invalid token: no email claim" : "") : result.Error!;
        return string.IsNullOrEmpty(email) ? null : email;
    }

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
