using System.Text;

namespace KernelCI.Storage.Backends;

internal static class ContentDisposition
{
    /// <summary>Upstream's `attachment; filename="base"`, plus RFC 6266 filename* when the name is not ASCII
    /// (response headers must be ASCII, and upstream kept non-ASCII names).</summary>
    public static string For(string key)
    {
        var name = key[(key.LastIndexOf('/') + 1)..];
        var ascii = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            ascii.Append(c is < ' ' or '"' or '\\' or > '~' ? '_' : c);
        }

        var header = $"attachment; filename=\"{ascii}\"";
        return name.All(char.IsAscii) ? header : header + "; filename*=UTF-8''" + Uri.EscapeDataString(name);
    }
}
