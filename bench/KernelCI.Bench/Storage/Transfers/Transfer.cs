using System.Buffers;
using System.Diagnostics;
using System.Net;
using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.Storage.Transfers;

/// <summary>Timed passes of uploads or downloads, <c>clients</c> requests in flight at a time.</summary>
internal static class Transfer
{
    public const int BufferSize = 1 << 20;

    public static async Task<Pass> UploadAsync(HttpClient http, Uri baseUri, IReadOnlyList<UploadItem> items, int clients, CancellationToken cancellationToken)
    {
        var upload = new Uri(baseUri, "v1/file");
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForAsync(0, items.Count, Options(clients, cancellationToken), async (i, token) =>
        {
            var item = items[i];
            using var form = new MultipartFormDataContent { { new StringContent(item.Path), "path" }, { item.Open(), "file0", item.FileName } };
            using var response = await http.PostAsync(upload, form, token);
            if (!response.IsSuccessStatusCode)
            {
                throw new BenchFailure($"upload of {item.Stored.Key} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(token)}");
            }
        });
        return new Pass(stopwatch.Elapsed.TotalSeconds, items.Sum(i => i.Length), items.Count);
    }

    /// <summary>One WebDAV PUT of a file (nginx's reference upload).</summary>
    public static async Task<Pass> PutAsync(HttpClient http, Uri url, UploadItem item, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var content = item.Open();
        using var response = await http.PutAsync(url, content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchFailure($"PUT {url} answered {(int)response.StatusCode}");
        }

        return new Pass(stopwatch.Elapsed.TotalSeconds, item.Length, 1);
    }

    /// <summary>GETs <paramref name="requests"/> objects, cycling through <paramref name="files"/>, and checks each length.</summary>
    public static async Task<Pass> DownloadAsync(
        HttpClient http, Uri baseUri, IReadOnlyList<StoredFile> files, int requests, int clients, CancellationToken cancellationToken)
    {
        long bytes = 0;
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForAsync(0, requests, Options(clients, cancellationToken), async (i, token) =>
        {
            var file = files[i % files.Count];
            Interlocked.Add(ref bytes, await DownloadOneAsync(http, new Uri(baseUri, file.Key), file.Length, token));
        });
        return new Pass(stopwatch.Elapsed.TotalSeconds, bytes, requests);
    }

    private static async Task<long> DownloadOneAsync(HttpClient http, Uri url, long expected, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchFailure($"GET {url} answered {(int)response.StatusCode}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        // Small bodies get small buffers: 64 clients renting 1 MiB each would overflow the pool into the large object heap.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(expected + 1, 4096, BufferSize));
        long total = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return total == expected ? total : throw new BenchFailure($"GET {url} gave {total} bytes, expected {expected}");
    }

    private static ParallelOptions Options(int clients, CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = clients, CancellationToken = cancellationToken };
}
