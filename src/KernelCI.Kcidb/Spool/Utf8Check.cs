using System.Text;
using System.Text.Unicode;

namespace KernelCI.Kcidb.Spool;

/// <summary>Checks that chunks are valid UTF-8 together: a character cut by a chunk boundary (at most 3 bytes) waits for
/// the next chunk; everything else is checked where it lies, with the runtime's vectorised validator.</summary>
internal sealed class Utf8Check
{
    private readonly byte[] _pending = new byte[4];
    private int _pendingLength;

    /// <summary>Null when valid so far, or the index in <paramref name="chunk"/> near the first invalid byte.</summary>
    public int? Check(ReadOnlySpan<byte> chunk, bool final)
    {
        if (_pendingLength > 0)
        {
            var take = Math.Min(_pending.Length - _pendingLength, chunk.Length);
            Span<byte> joined = stackalloc byte[4];
            _pending.AsSpan(0, _pendingLength).CopyTo(joined);
            chunk[..take].CopyTo(joined[_pendingLength..]);
            var status = Rune.DecodeFromUtf8(joined[..(_pendingLength + take)], out _, out var consumed);
            if (status == System.Buffers.OperationStatus.NeedMoreData && !final)
            {
                joined[..(_pendingLength + take)].CopyTo(_pending);
                _pendingLength += take;
                return null;
            }

            if (status != System.Buffers.OperationStatus.Done)
            {
                return 0;
            }

            chunk = chunk[(consumed - _pendingLength)..];
            _pendingLength = 0;
            var rest = Check(chunk, final);
            return rest is { } at ? at + consumed : null;
        }

        if (final)
        {
            return Utf8.IsValid(chunk) ? null : FirstInvalid(chunk);
        }

        var tail = IncompleteTail(chunk);
        var whole = chunk[..^tail];
        if (!Utf8.IsValid(whole))
        {
            return FirstInvalid(whole);
        }

        chunk[^tail..].CopyTo(_pending);
        _pendingLength = tail;
        return null;
    }

    // The bytes at the end that begin a character the chunk does not finish (0 to 3).
    private static int IncompleteTail(ReadOnlySpan<byte> chunk)
    {
        for (var back = 1; back <= Math.Min(3, chunk.Length); back++)
        {
            var b = chunk[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }

            var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return length > back ? back : 0;
        }

        return 0;
    }

    // Only on the error path: where the first invalid sequence starts, for the message.
    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length && Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            at += consumed;
        }

        return at;
    }
}
