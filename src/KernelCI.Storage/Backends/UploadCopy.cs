using System.Buffers;

namespace KernelCI.Storage.Backends;

internal static class UploadCopy
{
    /// <summary>Copies <paramref name="content"/> to <paramref name="file"/> in writes of <paramref name="bufferSize"/>
    /// bytes, however small the reads (a multipart section yields a few KiB at a time); returns the bytes copied.</summary>
    public static async Task<long> ToFileAsync(Stream content, FileStream file, int bufferSize, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            long size = 0;
            long hinted = 0;
            while (true)
            {
                var filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, bufferSize), bufferSize, throwOnEndOfStream: false, cancellationToken);
                // Written inline: on Linux an async file write is this same blocking write on another pool thread.
                file.Write(buffer, 0, filled);
                size += filled;
                if (size - hinted >= WriteBehind.Window)
                {
                    WriteBehind.Start(file.SafeFileHandle, hinted, size - hinted);
                    hinted = size;
                }

                if (filled < bufferSize)
                {
                    return size;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
