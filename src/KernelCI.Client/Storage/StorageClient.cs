using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace KernelCI.Client.Storage;

/// <summary>Client for a kernelci-storage server (ours or upstream's): uploads with retries, archive uploads,
/// downloads that resume with Range, and checkauth.</summary>
public sealed class StorageClient(HttpClient http, string token, StorageRetryPolicy? retry = null, TimeProvider? timeProvider = null)
{
    private readonly StorageRetryPolicy _retry = retry ?? new StorageRetryPolicy();
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>The email the server reads from the token.</summary>
    public async Task<string> CheckAuthAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendWithRetryAsync(() => new HttpRequestMessage(HttpMethod.Get, "v1/checkauth"), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        const string prefix = "Authorized: ";
        return text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..].Trim() : text.Trim();
    }

    /// <summary>Stores each local file as `path/FILENAME`, all in one request as kernelci-core sends them (file0..N).</summary>
    public async Task UploadFilesAsync(string path, IReadOnlyList<string> files, CancellationToken cancellationToken = default)
    {
        using var response = await SendWithRetryAsync(() =>
        {
            var form = new MultipartFormDataContent { { new StringContent(path), "path" } };
            for (var i = 0; i < files.Count; i++)
            {
                form.Add(new StreamContent(File.OpenRead(files[i]), 1024 * 1024), "file" + i, Path.GetFileName(files[i]));
            }

            return new HttpRequestMessage(HttpMethod.Post, "v1/file") { Content = form };
        }, cancellationToken);
    }

    /// <summary>Stores one stream as `path/fileName`; <paramref name="open"/> is called again for each retry.</summary>
    public async Task UploadAsync(string path, string fileName, Func<Stream> open, CancellationToken cancellationToken = default)
    {
        using var response = await SendWithRetryAsync(() => new HttpRequestMessage(HttpMethod.Post, "v1/file")
        {
            Content = new MultipartFormDataContent { { new StringContent(path), "path" }, { new StreamContent(open(), 1024 * 1024), "file0", fileName } },
        }, cancellationToken);
    }

    /// <summary>Uploads a .tar, .tar.gz, .tar.xz or .tar.zst file to be unpacked under <paramref name="path"/>.</summary>
    public async Task<StorageArchiveReply> UploadArchiveAsync(string path, string archiveFile, CancellationToken cancellationToken = default)
    {
        using var response = await SendWithRetryAsync(() => new HttpRequestMessage(HttpMethod.Post, "v1/archive")
        {
            Content = new MultipartFormDataContent
            {
                { new StringContent(path), "path" },
                { new StreamContent(File.OpenRead(archiveFile), 1024 * 1024), "archive", Path.GetFileName(archiveFile) },
            },
        }, cancellationToken);
        return await response.Content.ReadFromJsonAsync<StorageArchiveReply>(cancellationToken)
            ?? throw new StorageClientException(response.StatusCode, "empty archive reply");
    }

    /// <summary>Downloads to <paramref name="destination"/>, resuming after a broken connection with a Range
    /// request bound to the first reply's ETag (If-Range), so a replaced object is never spliced.</summary>
    public Task DownloadAsync(string key, Stream destination, CancellationToken cancellationToken = default) =>
        new StorageDownload(this, key, destination).RunAsync(cancellationToken);

    /// <summary>Downloads into FILE.part, then renames it to <paramref name="file"/>.</summary>
    public async Task DownloadToFileAsync(string key, string file, CancellationToken cancellationToken = default)
    {
        var part = file + ".part";
        await using (var stream = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.None, 1024 * 1024, FileOptions.Asynchronous))
        {
            await DownloadAsync(key, stream, cancellationToken);
        }

        File.Move(part, file, overwrite: true);
    }

    internal static Uri KeyUri(string key) => new(string.Join('/', key.TrimStart('/').Split('/').Select(Uri.EscapeDataString)), UriKind.Relative);

    internal async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    internal static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    internal Task WaitBeforeRetryAsync(int retry, CancellationToken cancellationToken) =>
        Task.Delay(_retry.DelayBefore(retry), _time, cancellationToken);

    internal int Attempts => Math.Max(1, _retry.Attempts);

    private async Task<HttpResponseMessage> SendWithRetryAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = create();
            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(request, cancellationToken);
            }
            catch (Exception e) when (attempt < Attempts && IsConnectionError(e, cancellationToken))
            {
                await WaitBeforeRetryAsync(attempt - 1, cancellationToken);
                continue;
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            var message = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            if (attempt >= Attempts || !IsTransient(response.StatusCode))
            {
                throw new StorageClientException(response.StatusCode, message);
            }

            await WaitBeforeRetryAsync(attempt - 1, cancellationToken);
        }
    }

    internal static bool IsConnectionError(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}
