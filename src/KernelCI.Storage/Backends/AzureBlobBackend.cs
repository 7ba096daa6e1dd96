using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Storage.Backends;

/// <summary>Azure Blob Storage through its REST API. Small objects are one Put Blob; larger ones are staged with
/// Put Block under ids unique to this upload and appear only when Put Block List commits them, so readers never
/// see a partial blob and an interrupted upload leaves the old one.</summary>
internal sealed class AzureBlobBackend : IStorageBackend, IDisposable
{
    internal const int BlockSize = 4 * 1024 * 1024;
    private const string Version = "2021-12-02";

    private readonly HttpClient _http;
    private readonly Uri _container;
    private readonly AzureRequestSigner? _signer;
    private readonly string _sas;
    private readonly TimeProvider _time;

    public AzureBlobBackend(AzureBlobOptions options, TimeProvider time)
    {
        var endpoint = options.Endpoint.Length > 0 ? options.Endpoint : $"https://{options.Account}.blob.core.windows.net";
        _container = new Uri(endpoint.TrimEnd('/') + "/" + options.Container);
        _signer = options.Key.Length > 0 ? new AzureRequestSigner(options.Account, Convert.FromBase64String(options.Key)) : null;
        _sas = options.SasToken.TrimStart('?');
        _time = time;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 64 })
        {
            Timeout = TimeSpan.FromMinutes(5),
        };
    }

    public async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Put, "", "restype=container", null, cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
        {
            throw Failure(response, "Create Container");
        }
    }

    /// <summary>For tests and teardown: removes the container and everything in it.</summary>
    public async Task DeleteContainerAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, "", "restype=container", null, cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.Accepted or HttpStatusCode.NotFound))
        {
            throw Failure(response, "Delete Container");
        }
    }

    public async Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Head, key, "", null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw Failure(response, "Get Blob Properties");
        }

        var content = response.Content.Headers;
        return new StoredObject(key, content.ContentLength ?? 0, response.Headers.ETag?.ToString() ?? "\"\"",
            content.LastModified ?? DateTimeOffset.UnixEpoch, content.ContentType?.ToString() ?? ContentTypes.Default);
    }

    public async Task CopyToAsync(StoredObject stored, long offset, long length, HttpResponse destination, CancellationToken cancellationToken)
    {
        if (length == 0)
        {
            return;
        }

        using var response = await SendAsync(HttpMethod.Get, stored.Key, "", request =>
        {
            request.Headers.TryAddWithoutValidation("x-ms-range", $"bytes={offset}-{offset + length - 1}");
            request.Headers.TryAddWithoutValidation("If-Match", stored.ETag);
        }, cancellationToken);
        if (response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            throw new ObjectChangedException(stored.Key);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response, "Get Blob");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await body.CopyToAsync(destination.BodyWriter, cancellationToken);
    }

    public async Task<long> PutAsync(string key, IUploadBody body, string contentType, CancellationToken cancellationToken)
    {
        // Blocks are sent whole from one buffer, so the body's chunks are copied into it.
        await using var content = new UploadBodyStream(body);
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            var filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, BlockSize), BlockSize, throwOnEndOfStream: false, cancellationToken);
            if (filled < BlockSize)
            {
                await PutBlobAsync(key, buffer.AsMemory(0, filled), contentType, cancellationToken);
                return filled;
            }

            var upload = Guid.NewGuid().ToByteArray();
            var blocks = new List<string>();
            long total = 0;
            while (filled > 0)
            {
                var id = BlockId(upload, blocks.Count);
                using (var response = await SendAsync(HttpMethod.Put, key, "comp=block&blockid=" + Uri.EscapeDataString(id),
                           r => r.Content = new ReadOnlyMemoryContent(buffer.AsMemory(0, filled)), cancellationToken))
                {
                    EnsureStatus(response, HttpStatusCode.Created, "Put Block");
                }

                blocks.Add(id);
                total += filled;
                filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, BlockSize), BlockSize, throwOnEndOfStream: false, cancellationToken);
            }

            await PutBlockListAsync(key, blocks, contentType, cancellationToken);
            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task<ListPage> ListAsync(string prefix, bool directories, string? marker, int limit, CancellationToken cancellationToken)
    {
        var query = $"restype=container&comp=list&maxresults={limit}&prefix={Uri.EscapeDataString(prefix)}"
            + (directories ? "&delimiter=%2F" : "")
            + (marker is null ? "" : "&marker=" + Uri.EscapeDataString(marker));
        using var response = await SendAsync(HttpMethod.Get, "", query, null, cancellationToken);
        EnsureStatus(response, HttpStatusCode.OK, "List Blobs");
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return AzureListParser.Parse(body);
    }

    public void Dispose() => _http.Dispose();

    private async Task PutBlobAsync(string key, ReadOnlyMemory<byte> bytes, string contentType, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Put, key, "", r =>
        {
            r.Headers.TryAddWithoutValidation("x-ms-blob-type", "BlockBlob");
            r.Headers.TryAddWithoutValidation("x-ms-blob-content-type", contentType);
            r.Content = new ReadOnlyMemoryContent(bytes);
        }, cancellationToken);
        EnsureStatus(response, HttpStatusCode.Created, "Put Blob");
    }

    private async Task PutBlockListAsync(string key, List<string> blocks, string contentType, CancellationToken cancellationToken)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        foreach (var id in blocks)
        {
            xml.Append("<Latest>").Append(id).Append("</Latest>");
        }

        xml.Append("</BlockList>");
        using var response = await SendAsync(HttpMethod.Put, key, "comp=blocklist", r =>
        {
            r.Headers.TryAddWithoutValidation("x-ms-blob-content-type", contentType);
            r.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(xml.ToString()));
        }, cancellationToken);
        EnsureStatus(response, HttpStatusCode.Created, "Put Block List");
    }

    // Ids must all have one length within a blob: 16 bytes of upload id plus a 4-byte index.
    private static string BlockId(byte[] upload, int index)
    {
        var bytes = new byte[20];
        upload.CopyTo(bytes, 0);
        BitConverter.TryWriteBytes(bytes.AsSpan(16), index);
        return Convert.ToBase64String(bytes);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string key, string query, Action<HttpRequestMessage>? configure, CancellationToken cancellationToken)
    {
        var path = key.Length == 0 ? "" : "/" + string.Join('/', key.Split('/').Select(Uri.EscapeDataString));
        var fullQuery = string.Join('&', new[] { query, _sas }.Where(q => q.Length > 0));
        using var request = new HttpRequestMessage(method, new Uri(_container + path + (fullQuery.Length > 0 ? "?" + fullQuery : "")));
        request.Headers.TryAddWithoutValidation("x-ms-version", Version);
        request.Headers.TryAddWithoutValidation("x-ms-date", _time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        configure?.Invoke(request);
        if (method == HttpMethod.Put && request.Content is null)
        {
            request.Content = new ByteArrayContent([]);
        }

        _signer?.Sign(request);
        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private static void EnsureStatus(HttpResponseMessage response, HttpStatusCode expected, string operation)
    {
        if (response.StatusCode != expected)
        {
            throw Failure(response, operation);
        }
    }

    private static AzureStorageException Failure(HttpResponseMessage response, string operation) =>
        new(response.StatusCode, response.Headers.TryGetValues("x-ms-error-code", out var codes) ? codes.FirstOrDefault() : null, operation);
}
