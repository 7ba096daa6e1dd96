using System.IO.Pipelines;
using Azure;
using Azure.Core.Pipeline;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Storage.Backends;

/// <summary>Azure Blob Storage through the Azure SDK. An object under <see cref="BlockSize"/> is one Put Blob; a
/// larger one is staged block by block (one block in memory at a time) and appears only when Put Block List commits
/// it, so readers never see a partial blob and an interrupted upload leaves the old one.</summary>
internal sealed class AzureBlobBackend : IStorageBackend, IDisposable
{
    internal const int BlockSize = 4 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly BlobContainerClient _container;

    public AzureBlobBackend(AzureBlobOptions options)
    {
        var endpoint = options.Endpoint.Length > 0 ? options.Endpoint : $"https://{options.Account}.blob.core.windows.net";
        var container = new Uri(endpoint.TrimEnd('/') + "/" + options.Container);
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 64 })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var clientOptions = new BlobClientOptions { Transport = new HttpClientTransport(_http) };
        // As before the SDK: one attempt, five minutes; clients (StorageClient, kci-dev) retry a 502 themselves.
        clientOptions.Retry.MaxRetries = 0;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromMinutes(5);
        _container = options.Key.Length > 0
            ? new BlobContainerClient(container, new StorageSharedKeyCredential(options.Account, options.Key), clientOptions)
            : new BlobContainerClient(container, new AzureSasCredential(options.SasToken.TrimStart('?')), clientOptions);
    }

    public async Task EnsureContainerAsync(CancellationToken cancellationToken) =>
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>For tests and teardown: removes the container and everything in it.</summary>
    public async Task DeleteContainerAsync(CancellationToken cancellationToken) =>
        await _container.DeleteIfExistsAsync(cancellationToken: cancellationToken);

    public async Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            BlobProperties properties = await _container.GetBlobClient(key).GetPropertiesAsync(cancellationToken: cancellationToken);
            return new StoredObject(key, properties.ContentLength, properties.ETag.ToString("H"), properties.LastModified,
                string.IsNullOrEmpty(properties.ContentType) ? ContentTypes.Default : properties.ContentType);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task CopyToAsync(StoredObject stored, long offset, long length, HttpResponse destination, CancellationToken cancellationToken)
    {
        if (length == 0)
        {
            return;
        }

        BlobDownloadStreamingResult download;
        try
        {
            download = await _container.GetBlobClient(stored.Key).DownloadStreamingAsync(new BlobDownloadOptions
            {
                Range = new Azure.HttpRange(offset, length),
                Conditions = new BlobRequestConditions { IfMatch = new ETag(stored.ETag) },
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            throw new ObjectChangedException(stored.Key);
        }

        using (download)
        {
            await download.Content.CopyToAsync(destination.BodyWriter, cancellationToken);
        }
    }

    public async Task<long> PutAsync(string key, IUploadBody body, string contentType, CancellationToken cancellationToken)
    {
        // The body is not seekable: the SDK reads one block into a pooled buffer, sends it, then reads the next.
        await using var content = new UploadBodyStream(body);
        await _container.GetBlobClient(key).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            TransferOptions = new StorageTransferOptions { InitialTransferSize = BlockSize, MaximumTransferSize = BlockSize, MaximumConcurrency = 1 },
        }, cancellationToken);
        return content.Position;
    }

    public async Task<ListPage> ListAsync(string prefix, bool directories, string? marker, int limit, CancellationToken cancellationToken)
    {
        var items = new List<ListedItem>();
        string? next = null;
        var pages = _container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, directories ? "/" : null, prefix, cancellationToken)
            .AsPages(marker, limit);
        await foreach (var page in pages)
        {
            foreach (var item in page.Values)
            {
                items.Add(item.IsPrefix
                    ? new ListedItem(item.Prefix, true, 0, DateTimeOffset.UnixEpoch)
                    : new ListedItem(item.Blob.Name, false, item.Blob.Properties.ContentLength ?? 0, item.Blob.Properties.LastModified ?? DateTimeOffset.UnixEpoch));
            }

            next = page.ContinuationToken;
            break;
        }

        items.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new ListPage(items, string.IsNullOrEmpty(next) ? null : next);
    }

    public void Dispose() => _http.Dispose();
}
