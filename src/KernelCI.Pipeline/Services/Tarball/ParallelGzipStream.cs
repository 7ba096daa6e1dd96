using System.Buffers;
using System.IO.Compression;

namespace KernelCI.Pipeline.Services.Tarball;

/// <summary>A write-only gzip stream that compresses fixed-size blocks on every core and writes them, in order, as
/// concatenated gzip members (RFC 1952 §2.2: gzip, tar -z, Python's gzip module and .NET all read such a file as one
/// stream). A Linux tree is 1.3 GB of tar: one core at zlib's fastest level spends about 4 s on it, which was most of
/// the tarball service's time per commit.</summary>
internal sealed class ParallelGzipStream(Stream output, bool leaveOpen = false, int blockSize = ParallelGzipStream.DefaultBlockSize,
    int? parallelism = null) : Stream
{
    public const int DefaultBlockSize = 4 << 20;

    private readonly int _parallelism = Math.Max(1, parallelism ?? Environment.ProcessorCount);
    private readonly Queue<Task<CompressedBlock>> _inFlight = new();
    private byte[] _block = ArrayPool<byte>.Shared.Rent(blockSize);
    private int _filled;
    private long _members;
    private bool _disposed;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => !_disposed;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (!buffer.IsEmpty)
        {
            var take = Math.Min(buffer.Length, blockSize - _filled);
            buffer.Span[..take].CopyTo(_block.AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
            if (_filled == blockSize)
            {
                await DispatchAsync(cancellationToken);
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Compresses what is buffered and writes every pending member; the output is then a complete gzip file.</summary>
    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_filled > 0)
        {
            await DispatchAsync(cancellationToken);
        }

        while (_inFlight.Count > 0)
        {
            await WriteOldestAsync(cancellationToken);
        }

        await output.FlushAsync(cancellationToken);
    }

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            try
            {
                if (_members == 0)
                {
                    // Empty input still makes a gzip file: one member that holds nothing.
                    await DispatchAsync(CancellationToken.None);
                }

                await FlushAsync(CancellationToken.None);
            }
            finally
            {
                _disposed = true;
                ArrayPool<byte>.Shared.Return(_block);
                if (!leaveOpen)
                {
                    await output.DisposeAsync();
                }
            }
        }

        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        // One block more than there are cores keeps every core busy while the oldest is written out.
        if (_inFlight.Count > _parallelism)
        {
            await WriteOldestAsync(cancellationToken);
        }

        var block = _block;
        var length = _filled;
        _inFlight.Enqueue(Task.Run(() => Compress(block, length), cancellationToken));
        _block = ArrayPool<byte>.Shared.Rent(blockSize);
        _filled = 0;
        _members++;
    }

    private async Task WriteOldestAsync(CancellationToken cancellationToken)
    {
        var compressed = await _inFlight.Dequeue();
        await output.WriteAsync(compressed.Buffer.AsMemory(0, compressed.Length), cancellationToken);
    }

    private static CompressedBlock Compress(byte[] block, int length)
    {
        try
        {
            if (length == 0)
            {
                // GZipStream writes nothing at all when given nothing.
                return new CompressedBlock(EmptyMember, EmptyMember.Length);
            }

            // A source tree compresses to about a quarter; the stream grows itself for anything else.
            var target = new MemoryStream(length / 3 + 1024);
            using (var gzip = new GZipStream(target, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(block, 0, length);
            }

            return new CompressedBlock(target.GetBuffer(), (int)target.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    /// <summary>A gzip header, an empty final deflate block, CRC-32 0 and length 0.</summary>
    private static readonly byte[] EmptyMember = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private readonly record struct CompressedBlock(byte[] Buffer, int Length);
}
