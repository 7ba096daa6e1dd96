using System.Buffers;

namespace KernelCI.Triage.Lines;

/// <summary>Cuts chunks of text into lines for a sink with bounded memory: a line longer than
/// <see cref="MaxLineLength"/> characters is cut there (its rest is dropped), so one huge line (a binary blob on a
/// serial console) costs no more than a normal one. Lines inside a chunk are passed without copying.</summary>
internal sealed class LineSplitter(ILineSink sink)
{
    public const int MaxLineLength = 4096;

    private readonly char[] _partial = new char[MaxLineLength];
    private int _partialLength;
    private bool _partialTruncated;

    public void Feed(ReadOnlySpan<char> chunk)
    {
        while (!chunk.IsEmpty)
        {
            if (_partialLength == 0 && !_partialTruncated && !sink.NeedsEveryLine && sink.Markers is { } markers)
            {
                chunk = SkipToMarker(chunk, markers);
            }

            var newline = chunk.IndexOf('\n');
            if (newline < 0)
            {
                Append(chunk);
                return;
            }

            var piece = chunk[..newline];
            chunk = chunk[(newline + 1)..];
            if (_partialLength == 0 && !_partialTruncated)
            {
                Emit(piece.Length > MaxLineLength ? piece[..MaxLineLength] : piece);
                continue;
            }

            Append(piece);
            EmitPartial();
        }
    }

    /// <summary>Counts the whole lines before the first line with a marker and returns the rest (from that line's
    /// start, or the chunk's last, unfinished line when no marker is left: a marker cut by the chunk's end is found
    /// when that line is complete, since an unfinished line is always passed whole).</summary>
    private ReadOnlySpan<char> SkipToMarker(ReadOnlySpan<char> chunk, SearchValues<string> markers)
    {
        var hit = chunk.IndexOfAny(markers);
        var skipped = hit < 0 ? chunk : chunk[..hit];
        var lineStart = skipped.LastIndexOf('\n') + 1;
        if (lineStart > 0)
        {
            sink.Skip(skipped[..lineStart].Count('\n'));
        }

        return chunk[lineStart..];
    }

    /// <summary>Passes the last line when the log does not end with a newline.</summary>
    public void Complete()
    {
        if (_partialLength > 0 || _partialTruncated)
        {
            EmitPartial();
        }
    }

    private void Append(ReadOnlySpan<char> text)
    {
        var room = MaxLineLength - _partialLength;
        if (text.Length > room)
        {
            _partialTruncated = true;
            text = text[..room];
        }

        text.CopyTo(_partial.AsSpan(_partialLength));
        _partialLength += text.Length;
    }

    private void EmitPartial()
    {
        Emit(_partial.AsSpan(0, _partialLength));
        _partialLength = 0;
        _partialTruncated = false;
    }

    private void Emit(ReadOnlySpan<char> line) => sink.Line(line.EndsWith('\r') ? line[..^1] : line);
}
