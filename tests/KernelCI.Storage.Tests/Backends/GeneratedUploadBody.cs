using System.Buffers;
using KernelCI.Storage.Backends;

namespace KernelCI.Storage.Tests.Backends;

/// <summary>An upload of <paramref name="length"/> bytes handed out from one reused chunk, so the body itself holds
/// no more than that chunk.</summary>
internal sealed class GeneratedUploadBody(long length, int chunkSize = 256 * 1024) : IUploadBody
{
    private readonly byte[] _chunk = Enumerable.Range(0, chunkSize).Select(i => (byte)(i * 7)).ToArray();
    private long _sent;

    public ValueTask<ReadOnlySequence<byte>> ReadAsync(CancellationToken cancellationToken)
    {
        var count = (int)Math.Min(_chunk.Length, length - _sent);
        _sent += count;
        return ValueTask.FromResult(new ReadOnlySequence<byte>(_chunk, 0, count));
    }
}
