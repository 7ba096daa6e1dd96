using System.Buffers;
using KernelCI.Storage.Backends;

namespace KernelCI.Storage.Files;

/// <summary>The body of the part <paramref name="reader"/> is on.</summary>
internal sealed class MultipartPartBody(MultipartPipeReader reader) : IUploadBody
{
    public ValueTask<ReadOnlySequence<byte>> ReadAsync(CancellationToken cancellationToken) => reader.ReadBodyAsync(cancellationToken);
}
