using System.Buffers;

namespace KernelCI.Storage.Backends;

/// <summary>The bytes of one upload, handed out in the buffers they already sit in (a request's pipe segments),
/// so a backend can write them without copying them into a buffer of its own first.</summary>
internal interface IUploadBody
{
    /// <summary>The next bytes, empty at the end; valid until the next call.</summary>
    ValueTask<ReadOnlySequence<byte>> ReadAsync(CancellationToken cancellationToken);
}
