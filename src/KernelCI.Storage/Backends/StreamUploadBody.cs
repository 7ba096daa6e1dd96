using System.Buffers;

namespace KernelCI.Storage.Backends;

/// <summary>An upload read from a stream (a spooled file, an archive entry) in chunks of <see cref="ChunkSize"/>.</summary>
internal sealed class StreamUploadBody(Stream stream) : IUploadBody, IDisposable
{
    public const int ChunkSize = 1024 * 1024;

    private byte[]? _buffer;

    public async ValueTask<ReadOnlySequence<byte>> ReadAsync(CancellationToken cancellationToken)
    {
        _buffer ??= ArrayPool<byte>.Shared.Rent(ChunkSize);
        var filled = await stream.ReadAtLeastAsync(_buffer.AsMemory(0, ChunkSize), ChunkSize, throwOnEndOfStream: false, cancellationToken);
        return new ReadOnlySequence<byte>(_buffer, 0, filled);
    }

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }
}
