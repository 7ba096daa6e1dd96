using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KernelCI.ServiceDefaults.Jwt;

namespace KernelCI.Kcidb.Submissions;

/// <summary>Upstream's HS256 JWT `{origin, exp}` of a submitter; an `admin: true` claim may submit for any origin.
/// Issues tokens (the host's `kcidb token` command, the embedded pipeline); <see cref="SubmitterTokenHandler"/> checks them.</summary>
public static partial class SubmissionAuthenticator
{
    public const string SecretName = "kcidb-jwt";

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
