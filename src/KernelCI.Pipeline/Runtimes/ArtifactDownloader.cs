using KernelCI.Client.Storage;
using KernelCI.Pipeline.Events;

namespace KernelCI.Pipeline.Runtimes;

/// <summary>Fetches a job's input artifacts: our storage's public URLs through the StorageClient (resuming downloads),
/// other URLs with plain HTTP. Transient failures are retried with back-off a few times, then reported.</summary>
internal sealed class ArtifactDownloader(StorageClient storage, PublicUrls urls, TimeProvider timeProvider)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(30) };

    public static int Attempts { get; set; } = 4;

    public static TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(2);

    public async Task DownloadAsync(string url, string file, CancellationToken cancellationToken)
    {
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await DownloadOnceAsync(url, file, cancellationToken);
                return;
            }
            catch (Exception e) when (attempt < Attempts && Transient.Is(e, cancellationToken))
            {
                await Task.Delay(delay, timeProvider, cancellationToken);
                delay *= 2;
            }
        }
    }

    private async Task DownloadOnceAsync(string url, string file, CancellationToken cancellationToken)
    {
        if (urls.PathOf(url) is { } path)
        {
            await storage.DownloadToFileAsync(path, file, cancellationToken);
            return;
        }

        using var response = await Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new StorageClientException(response.StatusCode, url);
        }

        await using var output = File.Create(file);
        await response.Content.CopyToAsync(output, cancellationToken);
    }
}
