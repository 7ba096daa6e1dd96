using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Jwt;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Kcidb.Submissions;

/// <summary>Submitters present upstream's HS256 JWT `{origin, exp}`; an `admin: true` claim may submit for any origin.</summary>
public sealed partial class SubmissionAuthenticator(HostContext context, KcidbOptions options)
{
    public const string SecretName = "kcidb-jwt";

    private readonly IReadOnlyList<string> _secrets = [context.Secrets.Get(SecretName), .. options.ExtraSecrets];

    public SubmitterIdentity? Authenticate(HttpRequest request, out string error)
    {
        var token = BearerToken.From(request);
        if (token is null)
        {
            error = "missing Authorization: Bearer <token> header";
            return null;
        }

        var result = Hs256Jwt.Validate(token, _secrets, context.TimeProvider.GetUtcNow());
        if (!result.IsValid)
        {
            error = result.Error!;
            return null;
        }

        var origin = result.GetString("origin");
        if (origin is null || !OriginPattern().IsMatch(origin))
        {
            error = "invalid token: the origin claim must match ^[a-z0-9_]+$";
            return null;
        }

        error = string.Empty;
        return new SubmitterIdentity(origin, result.GetBoolean("admin"));
    }

    public static string IssueToken(string secret, string origin, bool admin, DateTimeOffset expires)
    {
        var claims = new JsonObject { ["origin"] = origin, ["exp"] = expires.ToUnixTimeSeconds() };
        if (admin)
        {
            claims["admin"] = true;
        }

        return Hs256Jwt.Sign(claims, secret);
    }

    [GeneratedRegex("^[a-z0-9_]+$")]
    public static partial Regex OriginPattern();
}
