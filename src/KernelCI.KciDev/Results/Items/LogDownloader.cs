using System.IO.Compression;
using System.Text.RegularExpressions;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Results.Items;

/// <summary>`--download-logs`: GETs a `log_url`, gunzips it and saves it in the working folder under upstream's name
/// (characters `\/:"*?&lt;&gt;|` removed, kernelci/kci-dev:kcidev/libs/files.py); the printed log becomes its
/// `file://` path. A failed download is one line on standard error and the URL stays; the list goes on.</summary>
internal sealed partial class LogDownloader(CommandSession session, Uri dashboardApi) : IDisposable
{
    private HttpClient? _http;

    public async Task<string?> SaveAsync(string? url, string fileName, CancellationToken cancellationToken)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            await session.Console.Error.WriteLineAsync($"kci-dev: cannot download log {url}: not an http(s) URL");
            return url;
        }

        var target = Path.Combine(session.Context.WorkingDirectory, Invalid().Replace(fileName, ""));
        var part = target + ".part";
        try
        {
            _http ??= session.CreateHttpClient(dashboardApi, TimeSpan.FromSeconds(120));
            using (var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken))
            {
                response.EnsureSuccessStatusCode();
                await using var file = File.Create(part);
                await response.Content.CopyToAsync(file, cancellationToken);
            }

            await GunzipAsync(part, target, cancellationToken);
            return "file://" + target;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException or TaskCanceledException)
        {
            await session.Console.Error.WriteLineAsync($"kci-dev: failed to fetch log {url}: {e.Message}");
            return url;
        }
        finally
        {
            File.Delete(part);
        }
    }

    public void Dispose() => _http?.Dispose();

    // Logs are stored gzipped (kci-dev.md §9); one that is not is saved as it came (upstream fails on it).
    private static async Task GunzipAsync(string part, string target, CancellationToken cancellationToken)
    {
        await using var input = File.OpenRead(part);
        var magic = new byte[2];
        var gzipped = await input.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        input.Position = 0;
        await using var output = File.Create(target);
        if (gzipped)
        {
            await using var gzip = new GZipStream(input, CompressionMode.Decompress);
            await gzip.CopyToAsync(output, cancellationToken);
        }
        else
        {
            await input.CopyToAsync(output, cancellationToken);
        }
    }

    [GeneratedRegex("""[\\/:"*?<>|]+""")]
    private static partial Regex Invalid();
}
