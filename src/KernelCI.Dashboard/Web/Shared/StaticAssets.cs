using System.Reflection;
using System.Security.Cryptography;

namespace KernelCI.Dashboard.Web.Shared;

/// <summary>The pages' CSS and script, embedded in the assembly (Web/Assets) and served at `/static/{name}.{hash}.{ext}`:
/// the content hash in the URL lets browsers keep them forever (`Cache-Control: immutable`) and still see a new
/// version at once. No static web assets pipeline, CDN or npm (docs/dashboard.md, "Assets").</summary>
internal sealed class StaticAssets
{
    private const string Prefix = "assets/";

    private readonly Dictionary<string, StaticAsset> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StaticAsset> _byHashedName = new(StringComparer.Ordinal);

    public StaticAssets()
    {
        var assembly = typeof(StaticAssets).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var content = Read(assembly, resource);
            var name = resource[Prefix.Length..];
            var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..12];
            var extension = Path.GetExtension(name);
            var asset = new StaticAsset(name, $"{Path.GetFileNameWithoutExtension(name)}.{hash}{extension}", content, extension switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                _ => "application/octet-stream",
            });
            _byName[name] = asset;
            _byHashedName[asset.HashedName] = asset;
        }
    }

    /// <summary>The URL of an asset by its file name (`site.css`), with its content hash.</summary>
    public string Url(string name) => "/static/" + (_byName.TryGetValue(name, out var asset) ? asset.HashedName : name);

    public StaticAsset? Find(string hashedName) => _byHashedName.GetValueOrDefault(hashedName);

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
