using System.Text.Json.Nodes;
using KernelCI.ServiceDefaults.Jwt;

namespace KernelCI.Pipeline.Api;

/// <summary>Developer tokens of the pipeline API: HS256 JWTs `{email, permissions[], exp?}` signed with the data
/// folder's `pipeline-jwt` secret, as upstream's lava-callback `[jwt] secret`.</summary>
public static class PipelineTokens
{
    public const string SecretName = "pipeline-jwt";

    /// <summary>The permissions the API checks: checkout, patchset and testretry (kci-dev's commands).</summary>
    public static IReadOnlyList<string> Permissions { get; } = ["checkout", "patchset", "testretry"];

    public static string Issue(string secret, string email, IReadOnlyList<string> permissions, DateTimeOffset? expires)
    {
        var claims = new JsonObject
        {
            ["email"] = email,
            ["permissions"] = new JsonArray([.. permissions.Select(p => (JsonNode)p)]),
        };
        if (expires is { } exp)
        {
            claims["exp"] = exp.ToUnixTimeSeconds();
        }

        return Hs256Jwt.Sign(claims, secret);
    }
}
