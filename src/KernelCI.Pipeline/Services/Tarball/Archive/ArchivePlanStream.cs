using KernelCI.ServiceDefaults.IO;
using Microsoft.Win32.SafeHandles;

namespace KernelCI.Pipeline.Services.Tarball.Archive;

/// <summary>Reads an <see cref="ArchivePlan"/> front to back. Cached pieces of one commit lie mostly in order in the
/// data file, so it is read through a 1 MiB window rather than one read per piece.</summary>
internal sealed class ArchivePlanStream(ReadOnlyMemory<byte> own, IReadOnlyList<ArchiveSegment> segments, SafeFileHandle cache) : ForwardReadStream
{
    private readonly byte[] _window = new byte[1 << 20];
    private long _windowStart = -1;
    private int _windowLength;
    private int _segment;
    private int _inSegment;

    public override long Length => segments.Sum(s => (long)s.Length);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var copied = 0;
        while (copied < buffer.Length && _segment < segments.Count)
        {
            var segment = segments[_segment];
            var take = Math.Min(buffer.Length - copied, segment.Length - _inSegment);
            var from = segment.Offset + _inSegment;
            if (segment.FromCache)
            {
                take = ReadCache(from, buffer.Slice(copied, take));
            }
            else
            {
                own.Span.Slice((int)from, take).CopyTo(buffer[copied..]);
            }

            copied += take;
            _inSegment += take;
            if (_inSegment == segment.Length)
            {
                _segment++;
                _inSegment = 0;
            }
        }

        BytesRead += copied;
        return copied;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    private int ReadCache(long from, Span<byte> destination)
    {
        if (destination.Length >= _window.Length)
        {
            return RandomAccess.Read(cache, destination, from) is > 0 and var direct ? direct : throw Truncated();
        }

        if (from < _windowStart || from + destination.Length > _windowStart + _windowLength)
        {
            _windowStart = from;
            _windowLength = RandomAccess.Read(cache, _window, from);
            if (_windowLength < destination.Length)
            {
                throw Truncated();
            }
        }

        _window.AsSpan((int)(from - _windowStart), destination.Length).CopyTo(destination);
        return destination.Length;
    }

    private static IOException Truncated() => new("the tarball cache's data file is shorter than its index says");
}
