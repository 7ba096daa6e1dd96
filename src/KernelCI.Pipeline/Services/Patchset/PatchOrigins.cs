namespace KernelCI.Pipeline.Services.Patchset;

/// <summary>Where patches may be fetched from: our storage's origin and the configured ones, each scheme, host and
/// port matched exactly (a host alone would let a patch URL reach any port of it, e.g. an internal admin listener).</summary>
internal sealed class PatchOrigins
{
    private readonly HashSet<string> _origins;

    public PatchOrigins(string? storageUrl, IEnumerable<string> allowed)
    {
        _origins = new HashSet<string>(StringComparer.Ordinal);
        if (storageUrl is not null && TryParse(storageUrl, out var storage, requireBare: false))
        {
            _origins.Add(storage);
        }

        foreach (var origin in allowed)
        {
            if (TryParse(origin, out var key))
            {
                _origins.Add(key);
            }
        }
    }

    public bool Allows(Uri uri) => uri.IsAbsoluteUri && uri.UserInfo.Length == 0 && _origins.Contains(Key(uri));

    /// <summary>An http(s) origin, without a path, query or user: `https://lore.kernel.org` or `http://host:8080/`.</summary>
    public static bool TryParse(string origin, out string key) => TryParse(origin, out key, requireBare: true);

    private static bool TryParse(string origin, out string key, bool requireBare)
    {
        key = "";
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0
            || (requireBare && (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)))
        {
            return false;
        }

        key = Key(uri);
        return true;
    }

    private static string Key(Uri uri) => $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}:{uri.Port}";
}
