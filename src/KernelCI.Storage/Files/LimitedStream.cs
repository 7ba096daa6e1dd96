using KernelCI.ServiceDefaults.IO;

namespace KernelCI.Storage.Files;

/// <summary>Reads through to <paramref name="inner"/> and fails once more than <paramref name="limit"/> bytes came.</summary>
internal sealed class LimitedStream(Stream inner, long limit, string what = "the file") : ForwardReadStream
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return Count(await inner.ReadAsync(buffer, cancellationToken));
        }
        catch (IOException e)
        {
            // A truncated or malformed request body is the client's fault, not the server's.
            throw new UploadRejectedException(400, "Malformed or truncated upload: " + e.Message);
        }
    }

    private int Count(int read)
    {
        BytesRead += read;
        return BytesRead > limit ? throw new UploadRejectedException(413, $"{what} is larger than the limit of {limit} bytes") : read;
    }
}
