using System.Buffers;
using System.Text;
using KernelCI.Dashboard.Http;

namespace KernelCI.Dashboard.Web.Logs;

/// <summary>Reads one part of a log from a byte offset: the bytes before it are read and dropped (counting their lines,
/// so the numbers are the whole log's), then at most <see cref="PartBytes"/> bytes and <see cref="PartLines"/> lines
/// are kept, cut after a line's end. So a part costs its own size in memory whatever the log's size. A ranged fetch
/// starts the text closer to the offset; the first line's number then comes with the link (docs/dashboard.md, "Log
/// viewer").</summary>
internal static class LogPartReader
{
    public const int PartBytes = 256 * 1024;

    public const int PartLines = 3000;

    /// <summary>How far before the offset a ranged fetch starts: enough to find where the previous part begins.</summary>
    public const int LookBehind = PartBytes + 1;

    private const int Chunk = 64 * 1024;

    public static Task<LogPart> ReadAsync(Stream text, long offset, long? length, CancellationToken cancellationToken) =>
        ReadAsync(text, 0, offset, null, length, cancellationToken);

    /// <param name="textStart">Where <paramref name="text"/> begins in the log, at most <paramref name="offset"/>.</param>
    /// <param name="line">The number of the line holding byte <paramref name="offset"/>; needed when
    /// <paramref name="textStart"/> is past 0, since the lines before the text are not counted.</param>
    public static async Task<LogPart> ReadAsync(Stream text, long textStart, long offset, long? line, long? length,
        CancellationToken cancellationToken)
    {
        if (offset > 0 && length is { } known && offset >= known)
        {
            throw new BadParameterException("offset", $"the log has {known} bytes");
        }

        if (textStart > 0 && line is null)
        {
            throw new ArgumentException("a text that starts past the log's beginning needs the first line's number", nameof(line));
        }

        var starts = new Queue<long>(textStart == 0 ? [0L] : []);
        var (skipped, lines, lastByte) = await SkipAsync(text, textStart, offset, starts, cancellationToken);
        if (skipped < offset)
        {
            throw new BadParameterException("offset", $"the log has {skipped} bytes");
        }

        var buffer = new byte[PartBytes + 1];
        var n = await text.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        if (offset > 0 && n == 0)
        {
            throw new BadParameterException("offset", $"the log has {skipped} bytes");
        }

        var start = offset;
        var at = 0;
        var partial = 0;
        // An offset inside a line (a hand-made one, or the previous part's guess) starts at the next line.
        if (offset > 0 && lastByte != '\n')
        {
            var end = Array.IndexOf(buffer, (byte)'\n', 0, n);
            at = end < 0 ? n : end + 1;
            partial = end < 0 ? 0 : 1;
            start += at;
        }

        var first = (textStart == 0 ? lines + 1 : line!.Value) + partial;
        var parsed = new List<(long Number, string Text)>();
        var ended = true;
        var more = n == buffer.Length;
        var limit = Math.Min(n, at + PartBytes);
        while (at < limit && parsed.Count < PartLines)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', at, limit - at);
            if (newline < 0 && (more || limit < n) && parsed.Count > 0)
            {
                break;
            }

            ended = newline >= 0;
            var stop = newline < 0 ? limit : newline + 1;
            parsed.Add((first + parsed.Count, Decode(buffer.AsSpan(at, stop - at))));
            at = stop;
        }

        // A full buffer read to its last byte may still be the log's end: one byte more says.
        var hasMore = at < n || (more && await text.ReadAsync(new byte[1], cancellationToken) > 0);
        var total = length ?? (hasMore ? null : offset + at);
        var previous = PreviousStart(starts, start);
        long? previousLine = previous is { } p ? first - starts.Count(s => s >= p && s < start) : null;
        // A line cut at the part's size goes on in the next part, under the same number.
        var next = first + parsed.Count - (ended ? 0 : 1);
        return new LogPart(start, offset + at, total, hasMore, previous, previousLine, next, Mark(parsed));
    }

    // Reads and drops the bytes from `from` to `to`, counting their lines and keeping the starts of the last PartLines
    // of them, from which the previous part's offset is found.
    private static async Task<(long Skipped, long Lines, int LastByte)> SkipAsync(Stream text, long from, long to, Queue<long> starts,
        CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            long skipped = from, lines = 0;
            var last = -1;
            while (skipped < to)
            {
                var n = await text.ReadAsync(buffer.AsMemory(0, (int)Math.Min(Chunk, to - skipped)), cancellationToken);
                if (n == 0)
                {
                    break;
                }

                for (var at = buffer.AsSpan(0, n).IndexOf((byte)'\n'); at >= 0;)
                {
                    lines++;
                    Keep(starts, skipped + at + 1);
                    var next = buffer.AsSpan(at + 1, n - at - 1).IndexOf((byte)'\n');
                    at = next < 0 ? -1 : at + 1 + next;
                }

                last = buffer[n - 1];
                skipped += n;
            }

            return (skipped, lines, last);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Keep(Queue<long> starts, long start)
    {
        starts.Enqueue(start);
        if (starts.Count > PartLines + 1)
        {
            starts.Dequeue();
        }
    }

    // The earliest kept line start from which a part (PartBytes, PartLines) reaches this one.
    private static long? PreviousStart(Queue<long> starts, long start)
    {
        var before = starts.Where(s => s < start).ToList();
        if (before.Count == 0)
        {
            return null;
        }

        before = before.TakeLast(PartLines).ToList();
        return before.FirstOrDefault(s => start - s <= PartBytes, before[^1]);
    }

    private static string Decode(ReadOnlySpan<byte> line)
    {
        var text = Encoding.UTF8.GetString(line);
        return text.TrimEnd('\n').TrimEnd('\r');
    }

    // Each marked line links to the next one of its kind.
    private static List<LogLine> Mark(List<(long Number, string Text)> lines)
    {
        var kinds = lines.Select(l => LogPatterns.Classify(l.Text)).ToArray();
        var result = new LogLine[lines.Count];
        var next = new Dictionary<LogLineKind, long>();
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var kind = kinds[i];
            long? following = kind != LogLineKind.Plain && next.TryGetValue(kind, out var n) ? n : null;
            result[i] = new LogLine(lines[i].Number, lines[i].Text, kind, following);
            if (kind != LogLineKind.Plain)
            {
                next[kind] = lines[i].Number;
            }
        }

        return [.. result];
    }
}
