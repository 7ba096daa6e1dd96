using System.Buffers;
using KernelCI.ServiceDefaults.IO;

namespace KernelCI.Storage.Backends;

/// <summary>An <see cref="IUploadBody"/> read as a stream, for consumers that want one (Azure's blocks, the spool).</summary>
internal sealed class UploadBodyStream(IUploadBody body) : ForwardReadStream
{
    private ReadOnlySequence<byte> _rest;
    private bool _ended;

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
        BytesRead += count;
        return count;
    }
}
