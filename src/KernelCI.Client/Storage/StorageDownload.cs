using System.Net;
using System.Net.Http.Headers;

namespace KernelCI.Client.Storage;

/// <summary>One download with resume: after a broken connection, asks for the rest with Range and If-Range.</summary>
internal sealed class StorageDownload(StorageClient client, string key, Stream destination)
{
    private long _written;
    private EntityTagHeaderValue? _etag;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await TryOnceAsync(cancellationToken))
                {
                    return;
                }
            }
            catch (Exception e) when (attempt < client.Attempts && StorageClient.IsConnectionError(e, cancellationToken))
            {
            }

            if (attempt >= client.Attempts)
            {
                throw new IOException($"download of {key} failed after {attempt} attempts");
            }

            await client.WaitBeforeRetryAsync(attempt - 1, cancellationToken);
        }
    }

    // True when the whole object is in the destination; false for a transient failure worth retrying.
    private async Task<bool> TryOnceAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, StorageClient.KeyUri(key));
        if (_written > 0 && _etag is not null)
        {
            request.Headers.Range = new RangeHeaderValue(_written, null);
            request.Headers.IfRange = new RangeConditionHeaderValue(_etag);
        }

        using var response = await client.SendOnceAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.OK && _written > 0)
        {
            // The object changed (or ranges are not supported): start again from the beginning.
            destination.SetLength(0);
            _written = 0;
        }
        else if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && _written > 0)
        {
            return true;
        }
        else if (response.StatusCode != HttpStatusCode.OK && response.StatusCode != HttpStatusCode.PartialContent)
        {
            var message = await response.Content.ReadAsStringAsync(cancellationToken);
            return StorageClient.IsTransient(response.StatusCode) ? false : throw new StorageClientException(response.StatusCode, message);
        }

        if (response.StatusCode == HttpStatusCode.OK)
        {
            _etag = response.Headers.ETag;
        }

        var expected = response.Content.Headers.ContentLength;
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[256 * 1024];
        long received = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            _written += read;
            received += read;
        }

        return expected is null || received == expected ? true : throw new IOException("connection closed before the end of the body");
    }
}
