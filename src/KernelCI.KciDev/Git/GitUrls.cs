using System.Text.RegularExpressions;

namespace KernelCI.KciDev.Git;

/// <summary>Upstream's URL normalisation for auto-detected remotes (kci-dev.md §2.2): https, no credentials, SCP syntax
/// (`git@host:path`) turned into a path on the host.</summary>
internal static partial class GitUrls
{
    public static string Clean(string url)
    {
        if (!url.Contains("://", StringComparison.Ordinal) && Scp().Match(url) is { Success: true } scp)
        {
            url = $"ssh://{scp.Groups[1].Value}/{scp.Groups[2].Value}";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile)
        {
            return url;
        }

        var authority = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        return $"https://{authority}{uri.PathAndQuery}{uri.Fragment}";
    }

    public static bool IsFullSha(string text) => text.Length == 40 && text.All(Uri.IsHexDigit);

    public static bool IsHex(string text) => text.Length > 0 && text.All(Uri.IsHexDigit);

    [GeneratedRegex(@"^(?:[^/@:]+@)?([^/:]+):(.+)$")]
    private static partial Regex Scp();
}
