using KernelCI.ServiceDefaults.IO;

namespace KernelCI.Pipeline.Services.Tarball;

/// <summary>Reads a <see cref="GrowingFile"/> from its start, waiting at the written end until more is written, the
/// file is complete (end of stream) or it failed (the failure is thrown).</summary>
internal sealed class GrowingFileReader(GrowingFile source) : ForwardReadStream
{
    private readonly FileStream _file = new(source.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 0,
        FileOptions.Asynchronous | FileOptions.SequentialScan);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var (published, completed, failure, grown) = source.State();
            if (failure is not null)
            {
                throw new IOException("the tarball could not be written: " + failure.Message, failure);
            }

            if (BytesRead < published)
            {
                var wanted = (int)Math.Min(buffer.Length, published - BytesRead);
                var read = await _file.ReadAsync(buffer[..wanted], cancellationToken);
                BytesRead += read;
                return read;
            }

            if (completed || buffer.IsEmpty)
            {
                return 0;
            }

            await grown.WaitAsync(cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
