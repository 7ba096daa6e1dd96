namespace KernelCI.Pipeline.Tarball;

/// <summary>Reads a <see cref="GrowingFile"/> from its start, waiting at the written end until more is written, the
/// file is complete (end of stream) or it failed (the failure is thrown).</summary>
internal sealed class GrowingFileReader(GrowingFile source) : Stream
{
    private readonly FileStream _file = new(source.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 0,
        FileOptions.Asynchronous | FileOptions.SequentialScan);
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var (published, completed, failure, grown) = source.State();
            if (failure is not null)
            {
                throw new IOException("the tarball could not be written: " + failure.Message, failure);
            }

            if (_position < published)
            {
                var wanted = (int)Math.Min(buffer.Length, published - _position);
                var read = await _file.ReadAsync(buffer[..wanted], cancellationToken);
                _position += read;
                return read;
            }

            if (completed || buffer.IsEmpty)
            {
                return 0;
            }

            await grown.WaitAsync(cancellationToken);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

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
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
