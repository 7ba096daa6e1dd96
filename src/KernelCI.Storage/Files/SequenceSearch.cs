using System.Buffers;

namespace KernelCI.Storage.Files;

/// <summary>Finds a byte pattern in a multi-segment buffer without copying it: a vectorised search per segment,
/// and a small copy only where a match could straddle two or more segments.</summary>
internal static class SequenceSearch
{
    /// <summary>The offset of the first <paramref name="pattern"/> that starts at or after <paramref name="from"/>, or -1.</summary>
    public static long IndexOf(in ReadOnlySequence<byte> buffer, ReadOnlySpan<byte> pattern, long from)
    {
        if (buffer.Length - from < pattern.Length)
        {
            return -1;
        }

        if (buffer.IsSingleSegment)
        {
            var found = buffer.FirstSpan[(int)from..].IndexOf(pattern);
            return found < 0 ? -1 : from + found;
        }

        Span<byte> junction = stackalloc byte[2 * (pattern.Length - 1)];
        var rest = buffer.Slice(from);
        var offset = from;
        var position = rest.Start;
        while (rest.TryGet(ref position, out var memory))
        {
            var span = memory.Span;
            var found = span.IndexOf(pattern);
            if (found >= 0)
            {
                return offset + found;
            }

            // A match starting in this segment's last bytes and running into the next ones.
            var tailStart = Math.Max(0, span.Length - (pattern.Length - 1));
            if (position.GetObject() is null)
            {
                return -1;
            }

            var after = rest.Slice(position);
            var count = (int)Math.Min(span.Length - tailStart + after.Length, junction.Length);
            if (count >= pattern.Length)
            {
                span[tailStart..].CopyTo(junction);
                after.Slice(0, count - (span.Length - tailStart)).CopyTo(junction[(span.Length - tailStart)..]);
                found = junction[..count].IndexOf(pattern);
                if (found >= 0 && tailStart + found < span.Length)
                {
                    return offset + tailStart + found;
                }
            }

            offset += span.Length;
        }

        return -1;
    }
}
