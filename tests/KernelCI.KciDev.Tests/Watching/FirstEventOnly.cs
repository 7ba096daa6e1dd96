namespace KernelCI.KciDev.Tests.Watching;

/// <summary>An event stream body that ends right after its first event (`data:` line and the blank line after it), as
/// a connection dropped mid-watch.</summary>
internal sealed class FirstEventOnly(Stream inner) : Stream
{
    private bool _sawData;
    private bool _done;
    private byte _previous;
    private int _lineStart = 1;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_done)
        {
            return 0;
        }

        // One byte at a time: the cut must fall exactly after the event.
        var read = await inner.ReadAsync(buffer[..1], cancellationToken);
        if (read == 0)
        {
            return 0;
        }

        var b = buffer.Span[0];
        if (_lineStart == 1 && b == (byte)'d')
        {
            _sawData = true;
        }

        _done = _sawData && b == (byte)'\n' && _previous == (byte)'\n';
        _lineStart = b == (byte)'\n' ? 1 : 0;
        _previous = b;
        return 1;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
