using System.IO.Compression;
using System.Text.RegularExpressions;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Results;

/// <summary>`--download-logs` of `results build|boot|test`: GETs the item's `log_url`, gunzips it and saves it in the
/// working folder under upstream's file name, with the characters upstream strips removed (kernelci/kci-dev:
/// kcidev/libs/files.py). Streamed, so a large log never sits in memory.</summary>
internal static partial class LogDownload
{
    /// <summary>The saved file as a `file://` URL, or, when the log cannot be had, the log URL itself after a warning on
    /// standard error (upstream carries on the same way).</summary>
    public static async Task<string?> SaveAsync(CommandSession session, string? logUrl, string fileName, CancellationToken cancellationToken)
    {
        if (logUrl is null || !Uri.TryCreate(logUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            await session.Console.Error.WriteLineAsync($"kci-dev: no log to download (log_url: {ResultText.Python(logUrl)})");
            return logUrl;
        }

        var path = Path.Combine(session.Context.WorkingDirectory, Invalid().Replace(fileName, ""));
        try
        {
            using var http = session.CreateHttpClient(new Uri(uri.GetLeftPart(UriPartial.Authority) + "/"), TimeSpan.FromSeconds(120));
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using (var file = File.Create(path + ".part"))
            {
                await response.Content.CopyToAsync(file, cancellationToken);
            }

            await SaveDecompressedAsync(path + ".part", path, cancellationToken);
            return "file://" + path;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException or TaskCanceledException)
        {
            File.Delete(path);
            File.Delete(path + ".part");
            await session.Console.Error.WriteLineAsync($"kci-dev: cannot download the log {logUrl}: {e.Message}");
            return logUrl;
        }
    }

    /// <summary>Gunzips <paramref name="download"/> into <paramref name="path"/> when it starts with gzip's magic bytes
    /// (upstream's logs always do); anything else is kept as it came (upstream refuses it).</summary>
    private static async Task SaveDecompressedAsync(string download, string path, CancellationToken cancellationToken)
    {
        var magic = new byte[2];
        bool gzip;
        await using (var source = File.OpenRead(download))
        {
            gzip = await source.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
            if (gzip)
            {
                source.Position = 0;
                await using var unzipped = new GZipStream(source, CompressionMode.Decompress);
                await using var file = File.Create(path);
                await unzipped.CopyToAsync(file, cancellationToken);
            }
        }

        if (gzip)
        {
            File.Delete(download);
        }
        else
        {
            File.Move(download, path, overwrite: true);
        }
    }

    [GeneratedRegex(@"[\\/:""*?<>|]+")]
    private static partial Regex Invalid();
}
