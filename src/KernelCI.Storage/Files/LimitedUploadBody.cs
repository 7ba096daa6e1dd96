using System.Buffers;
using KernelCI.Storage.Backends;

namespace KernelCI.Storage.Files;

/// <summary>Reads through to <paramref name="inner"/> and fails (413) once more than <paramref name="limit"/> bytes came.</summary>
internal sealed class LimitedUploadBody(IUploadBody inner, long limit) : IUploadBody
{
    private long _read;

    public async ValueTask<ReadOnlySequence<byte>> ReadAsync(CancellationToken cancellationToken)
    {
        var chunk = await inner.ReadAsync(cancellationToken);
        _read += chunk.Length;
        return _read > limit ? throw new UploadRejectedException(413, $"the file is larger than the limit of {limit} bytes") : chunk;
    }
}
