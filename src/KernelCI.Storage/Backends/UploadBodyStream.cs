using System.Buffers;

namespace KernelCI.Storage.Backends;

/// <summary>An <see cref="IUploadBody"/> read as a stream, for consumers that want one (Azure's blocks, the spool).</summary>
internal sealed class UploadBodyStream(IUploadBody body) : Stream
{
    private ReadOnlySequence<byte> _rest;
    private bool _ended;
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_rest.IsEmpty && !_ended)
        {
            _rest = await body.ReadAsync(cancellationToken);
            _ended = _rest.IsEmpty;
        }

        var count = (int)Math.Min(buffer.Length, _rest.Length);
        _rest.Slice(0, count).CopyTo(buffer.Span);
        _rest = _rest.Slice(count);
        _read += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
