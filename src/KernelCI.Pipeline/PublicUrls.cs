namespace KernelCI.Pipeline;

/// <summary>Turns a storage path into the public download URL that goes into node artifacts and KCIDB.</summary>
public sealed class PublicUrls(string storageBaseUrl)
{
    private readonly string _base = storageBaseUrl.EndsWith('/') ? storageBaseUrl : storageBaseUrl + "/";

    public string For(string path) => _base + string.Join('/', path.TrimStart('/').Split('/').Select(Uri.EscapeDataString));

    /// <summary>The storage path of a public URL of ours, or null for a URL elsewhere.</summary>
    public string? PathOf(string url) =>
        url.StartsWith(_base, StringComparison.Ordinal) ? Uri.UnescapeDataString(url[_base.Length..]) : null;
}
