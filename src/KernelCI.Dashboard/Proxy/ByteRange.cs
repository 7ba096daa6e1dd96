using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace KernelCI.Dashboard.Proxy;

/// <summary>One `Range: bytes=` range (RFC 9110 §14.1.2): `first-last`, `first-`, or the suffix `-length` (First null).
/// A header we cannot use (several ranges, another unit, bad syntax) is ignored, as the RFC lets a server do, and the
/// whole log is sent.</summary>
internal sealed record ByteRange(long? First, long? Last)
{
    public static ByteRange? Parse(StringValues header)
    {
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var spec = value["bytes=".Length..].Trim();
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 || spec.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        var first = Number(spec[..dash]);
        var last = Number(spec[(dash + 1)..]);
        return (first, last) switch
        {
            (null, null) => null,
            ({ } f, { } l) when f > l => null,
            _ when dash > 0 && first is null => null,
            _ when dash < spec.Length - 1 && last is null => null,
            _ => new ByteRange(first, last),
        };
    }

    /// <summary>The bytes [start, end] of a log of <paramref name="length"/> bytes, or null when none of it is there.</summary>
    public (long Start, long End)? Resolve(long length)
    {
        if (First is not { } first)
        {
            return Last is > 0 && length > 0 ? (Math.Max(0, length - Last.Value), length - 1) : null;
        }

        return first < length ? (first, Math.Min(Last ?? long.MaxValue, length - 1)) : null;
    }

    private static long? Number(string text) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
}
