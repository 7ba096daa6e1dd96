namespace KernelCI.ServiceDefaults.IO;

/// <summary>A stream read once from front to back: the members every such stream must implement and refuse, written
/// once. A subclass implements <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> and counts what it
/// returned in <see cref="BytesRead"/>; the other reads go through it unless overridden.</summary>
public abstract class ForwardReadStream : Stream
{
    public sealed override bool CanRead => true;

    public sealed override bool CanSeek => false;

    public sealed override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public sealed override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    /// <summary>Bytes returned so far, which <see cref="Position"/> reports.</summary>
    protected long BytesRead { get; set; }

    public abstract override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public sealed override void Flush()
    {
    }

    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public sealed override void SetLength(long value) => throw new NotSupportedException();

    public sealed override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
