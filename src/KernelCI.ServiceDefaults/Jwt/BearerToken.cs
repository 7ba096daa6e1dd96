using Microsoft.AspNetCore.Http;

namespace KernelCI.ServiceDefaults.Jwt;

public static class BearerToken
{
    /// <summary>The token from `Authorization: Bearer X`; with <paramref name="allowBare"/>, also a bare `Authorization: X`.</summary>
    public static string? From(HttpRequest request, bool allowBare = false)
    {
        var header = request.Headers.Authorization.ToString().Trim();
        if (header.Length == 0)
        {
            return null;
        }

        const string scheme = "Bearer ";
        if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return header[scheme.Length..].Trim();
        }

        return allowBare && !header.Contains(' ', StringComparison.Ordinal) ? header : null;
    }
}
