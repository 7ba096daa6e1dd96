using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace KernelCI.Storage.Files;

/// <summary>multipart/form-data read straight from the request's pipe (RFC 7578, RFC 2046 §5.1.1). A part's body
/// is handed out as the pipe's own buffers, so a backend can write them to disk without copying them first.
/// Malformed or truncated bodies become <see cref="UploadRejectedException"/> (400).</summary>
internal sealed class MultipartPipeReader(PipeReader pipe, string boundary) : IDisposable
{
    /// <summary>The most header bytes one part may have (ASP.NET's MultipartReader allows as much).</summary>
    public const int HeadersLimit = 16 * 1024;

    /// <summary>Body bytes gathered before they are handed out, unless the part ends first: fewer, larger writes.</summary>
    public const int MinChunk = 256 * 1024;

    private const int PreambleLimit = 16 * 1024;
    private const int PaddingLimit = 256;

    // "\r\n--boundary": a part's body ends where this starts; the first boundary comes without the CRLF.
    private readonly byte[] _delimiter = Encoding.ASCII.GetBytes("\r\n--" + boundary);
    private MultipartState _state;
    private ReadOnlySequence<byte> _buffer;
    private bool _held;
    private bool _completed;
    private long _scanned;
    private long _handedOut;

    /// <summary>The headers of the next part (the rest of the current one is skipped), or null after the last.</summary>
    public async ValueTask<MultipartPart?> NextPartAsync(CancellationToken cancellationToken)
    {
        while (_state == MultipartState.Body)
        {
            await ReadBodyAsync(cancellationToken);
        }

        if (_state == MultipartState.Preamble)
        {
            await SkipPreambleAsync(cancellationToken);
        }

        if (_state == MultipartState.Done || !await AfterBoundaryAsync(cancellationToken))
        {
            return null;
        }

        var part = await ReadHeadersAsync(cancellationToken);
        _state = MultipartState.Body;
        _scanned = 0;
        return part;
    }

    /// <summary>The next bytes of the current part's body, empty at its end. They stay valid until the next call.</summary>
    public async ValueTask<ReadOnlySequence<byte>> ReadBodyAsync(CancellationToken cancellationToken)
    {
        if (_state != MultipartState.Body)
        {
            return default;
        }

        if (_handedOut > 0)
        {
            Consume(_handedOut);
            _handedOut = 0;
            _scanned = 0;
        }

        while (true)
        {
            var found = SequenceSearch.IndexOf(_buffer, _delimiter, _scanned);
            if (found == 0)
            {
                Consume(_delimiter.Length);
                _state = MultipartState.Boundary;
                return default;
            }

            if (found > 0)
            {
                _handedOut = found;
                return _buffer.Slice(0, found);
            }

            // Everything but a tail that could be the start of the delimiter is body.
            var safe = _buffer.Length - (_delimiter.Length - 1);
            if (safe >= MinChunk)
            {
                _handedOut = safe;
                return _buffer.Slice(0, safe);
            }

            _scanned = Math.Max(0, safe);
            await ReadMoreAsync("a part's closing boundary", cancellationToken);
        }
    }

    /// <summary>Gives back the pipe's buffers: the host reads the rest of the request body itself.</summary>
    public void Dispose()
    {
        if (_held)
        {
            _held = false;
            pipe.AdvanceTo(_buffer.Start);
        }
    }

    private async ValueTask SkipPreambleAsync(CancellationToken cancellationToken)
    {
        var first = _delimiter.AsMemory(2);
        while (true)
        {
            var found = SequenceSearch.IndexOf(_buffer, first.Span, _scanned);
            if (found >= 0)
            {
                Consume(found + first.Length);
                _state = MultipartState.Boundary;
                return;
            }

            if (_buffer.Length > PreambleLimit)
            {
                throw Malformed("no boundary in the first 16 KiB of the body");
            }

            _scanned = Math.Max(0, _buffer.Length - (first.Length - 1));
            await ReadMoreAsync("the first boundary", cancellationToken);
        }
    }

    // After a boundary: "--" ends the body; otherwise optional padding (spaces, tabs) and CRLF open a part.
    private async ValueTask<bool> AfterBoundaryAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(2, cancellationToken);
        if (_buffer.FirstSpan[0] == '-' && First(1) == '-')
        {
            _state = MultipartState.Done;
            Consume(2);
            return false;
        }

        for (var padding = 0; ; padding++)
        {
            await EnsureAsync(2, cancellationToken);
            var b = _buffer.FirstSpan[0];
            if (b == '\r' && First(1) == '\n')
            {
                Consume(2);
                return true;
            }

            if ((b != ' ' && b != '\t') || padding == PaddingLimit)
            {
                throw Malformed("unexpected bytes after a boundary");
            }

            Consume(1);
        }
    }

    private async ValueTask<MultipartPart> ReadHeadersAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(2, cancellationToken);
        if (_buffer.FirstSpan[0] == '\r' && First(1) == '\n')
        {
            Consume(2);
            return new MultipartPart("");
        }

        _scanned = 0;
        while (true)
        {
            var end = SequenceSearch.IndexOf(_buffer, "\r\n\r\n"u8, _scanned);
            if (end > HeadersLimit || (end < 0 && _buffer.Length > HeadersLimit + 3))
            {
                throw new UploadRejectedException(400, $"Malformed multipart upload: a part's headers are longer than {HeadersLimit} bytes");
            }

            if (end >= 0)
            {
                var part = MultipartHeaders.Parse(Encoding.UTF8.GetString(_buffer.Slice(0, end)));
                Consume(end + 4);
                return part;
            }

            _scanned = Math.Max(0, _buffer.Length - 3);
            await ReadMoreAsync("the end of a part's headers", cancellationToken);
        }
    }

    private byte First(int index) => _buffer.FirstSpan.Length > index ? _buffer.FirstSpan[index] : _buffer.Slice(index, 1).FirstSpan[0];

    private async ValueTask EnsureAsync(int count, CancellationToken cancellationToken)
    {
        while (_buffer.Length < count)
        {
            await ReadMoreAsync("a boundary", cancellationToken);
        }
    }

    // Waits for bytes beyond those buffered; the buffered ones stay unconsumed.
    private async ValueTask ReadMoreAsync(string expected, CancellationToken cancellationToken)
    {
        if (_completed)
        {
            throw Malformed($"the body ended before {expected}");
        }

        if (_held)
        {
            _held = false;
            pipe.AdvanceTo(_buffer.Start, _buffer.End);
        }

        ReadResult result;
        try
        {
            result = await pipe.ReadAsync(cancellationToken);
        }
        catch (IOException e)
        {
            // A truncated or malformed request body is the client's fault, not the server's.
            throw new UploadRejectedException(400, "Malformed or truncated upload: " + e.Message);
        }

        _held = true;
        _buffer = result.Buffer;
        _completed = result.IsCompleted;
        if (result.IsCanceled)
        {
            throw new OperationCanceledException("the request body's read was cancelled");
        }
    }

    private void Consume(long count) => _buffer = _buffer.Slice(count);

    private static UploadRejectedException Malformed(string reason) => new(400, "Malformed multipart upload: " + reason);
}
