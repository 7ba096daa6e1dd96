using System.Security.Cryptography;
using System.Text;

namespace KernelCI.Triage.Fingerprints;

/// <summary>A problem's signature (its kind's category and its normalised parts joined by " | ") and the fingerprint
/// derived from it: the first 32 hex digits of the signature's SHA-256, short enough for ids and unique enough
/// (128 bits) for every problem ever seen.</summary>
internal static class Fingerprint
{
    public static string Signature(ProblemKind kind, params ReadOnlySpan<string?> parts)
    {
        var builder = new StringBuilder(Kcidb.IssueTaxonomy.Category(kind));
        foreach (var part in parts)
        {
            builder.Append(" | ").Append(part ?? "");
        }

        return builder.ToString();
    }

    public static string Of(string signature) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signature)))[..32];
}
