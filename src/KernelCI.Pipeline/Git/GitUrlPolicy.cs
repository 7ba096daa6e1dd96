using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Git;

/// <summary>Which repository URLs the pipeline fetches: the URL of a configured tree (trees.yaml, the operator's
/// choice, `file://` included), or else an `https://` URL (`git://`, `ssh://` when <see cref="GitOptions.ExtraSchemes"/>
/// says so). Anything else, a local path or `file://` above all, would let a developer publish any repository this
/// host can read as a tarball. The same rule sets GIT_ALLOW_PROTOCOL on the git processes that fetch.</summary>
public sealed class GitUrlPolicy
{
    private readonly string[] _schemes;
    private readonly PipelineConfig _config;
    private readonly HashSet<string> _configured;

    public GitUrlPolicy(GitOptions options, PipelineConfig config)
    {
        _schemes = ["https", .. options.ExtraSchemes.Distinct(StringComparer.Ordinal)];
        _config = config;
        _configured = config.Trees.Values.Select(t => t.Url).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The schemes accepted from developers, https first.</summary>
    public IReadOnlyList<string> Schemes => _schemes;

    /// <summary>Whether <paramref name="url"/> is, exactly, the URL of a configured tree.</summary>
    public bool IsConfigured(string url) => _configured.Contains(url);

    /// <summary>Whether <paramref name="url"/> is the URL configured for the tree named <paramref name="tree"/>.</summary>
    public bool IsConfiguredTree(string tree, string url) => _config.Trees.TryGetValue(tree, out var configured) && configured.Url == url;

    /// <summary>Null when the pipeline may fetch <paramref name="url"/>, else why not (safe to show the requester).</summary>
    public string? Problem(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return "is empty";
        }

        if (IsConfigured(url))
        {
            return null;
        }

        var allowed = string.Join(", ", _schemes.Select(s => s + "://"));
        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) || url[0] == '-'
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !_schemes.Contains(uri.Scheme)
            || uri.Host.Length == 0 || uri.Host[0] == '-' || !url.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase))
        {
            return $"'{url}' is neither an {allowed} URL nor the URL of a configured tree";
        }

        return null;
    }

    /// <summary>GIT_ALLOW_PROTOCOL for fetching <paramref name="url"/>: the accepted schemes, and a configured tree's
    /// own transport (e.g. `file`) for that tree's URL only.</summary>
    public string ProtocolsFor(string url)
    {
        var protocols = new List<string>(_schemes);
        if (IsConfigured(url) && TransportOf(url) is var transport && !protocols.Contains(transport))
        {
            protocols.Add(transport);
        }

        return string.Join(':', protocols);
    }

    /// <summary>The git transport of a URL as GIT_ALLOW_PROTOCOL names it: its scheme, `ssh` for `host:path` and
    /// `ssh+git://`, `file` for a plain path.</summary>
    internal static string TransportOf(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var slash = url.IndexOf('/', StringComparison.Ordinal);
        if (colon <= 0 || (slash >= 0 && slash < colon))
        {
            return "file";
        }

        if (url.AsSpan(colon).StartsWith("://"))
        {
            var scheme = url[..colon].ToLowerInvariant();
            return scheme is "git+ssh" or "ssh+git" ? "ssh" : scheme;
        }

        return "ssh";
    }
}
