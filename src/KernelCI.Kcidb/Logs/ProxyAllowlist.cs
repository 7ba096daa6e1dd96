namespace KernelCI.Kcidb.Logs;

/// <summary>Where `proxy/` may fetch from: our own storage (its listener's URL, found through the deployment) and the
/// hosts of Dashboard:ProxyAllowedHosts, each an exact name or `*.domain` for its subdomains (upstream's fnmatch patterns,
/// kernelci/dashboard:backend/kernelCI_app/views/proxyView.py). Any port on a listed host; on our storage only its own
/// scheme, host, port and path.</summary>
internal sealed class ProxyAllowlist(IEnumerable<string> hosts, IEnumerable<Uri> storage)
{
    private readonly string[] _exact = hosts.Where(h => !h.StartsWith("*.", StringComparison.Ordinal)).Select(Normalize).ToArray();
    private readonly string[] _suffixes = hosts.Where(h => h.StartsWith("*.", StringComparison.Ordinal)).Select(h => Normalize(h[1..])).ToArray();
    private readonly Uri[] _storage = storage.ToArray();

    public static bool IsWeb(Uri uri) => uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public bool Allows(Uri uri)
    {
        if (!IsWeb(uri) || uri.UserInfo.Length > 0)
        {
            return false;
        }

        var host = Normalize(uri.IdnHost);
        return _exact.Contains(host, StringComparer.Ordinal)
            || _suffixes.Any(s => host.EndsWith(s, StringComparison.Ordinal))
            || _storage.Any(s => IsUnder(uri, s));
    }

    private static bool IsUnder(Uri uri, Uri root) =>
        uri.Scheme == root.Scheme && uri.Port == root.Port
        && string.Equals(uri.IdnHost, root.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal);

    private static string Normalize(string host) => host.Trim().TrimEnd('.').ToLowerInvariant();
}
