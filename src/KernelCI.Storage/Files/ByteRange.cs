using System.Globalization;

namespace KernelCI.Storage.Files;

/// <summary>A single `Range: bytes=` request resolved against an object's length (RFC 7233 §2.1, §4.4).</summary>
internal readonly record struct ByteRange(ByteRangeKind Kind, long Start, long End)
{
    public static readonly ByteRange Whole = new(ByteRangeKind.Whole, 0, 0);

    public long Length => End - Start + 1;

    /// <summary>Whole for no header, another unit, several ranges or bad syntax (a server may ignore those);
    /// Unsatisfiable when no byte of the object is asked for.</summary>
    public static ByteRange Parse(string? header, long size)
    {
        if (string.IsNullOrWhiteSpace(header) || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return Whole;
        }

        var spec = header[6..].Trim();
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (spec.Contains(',', StringComparison.Ordinal) || dash < 0)
        {
            return Whole;
        }

        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            if (!TryNumber(last, out var suffix))
            {
                return Whole;
            }

            return suffix == 0 || size == 0
                ? Unsatisfiable
                : new ByteRange(ByteRangeKind.Partial, Math.Max(0, size - suffix), size - 1);
        }

        if (!TryNumber(first, out var start))
        {
            return Whole;
        }

        long end = long.MaxValue;
        if (last.Length > 0 && (!TryNumber(last, out end) || end < start))
        {
            return Whole;
        }

        return start >= size ? Unsatisfiable : new ByteRange(ByteRangeKind.Partial, start, Math.Min(end, size - 1));
    }

    private static ByteRange Unsatisfiable => new(ByteRangeKind.Unsatisfiable, 0, 0);

    private static bool TryNumber(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
