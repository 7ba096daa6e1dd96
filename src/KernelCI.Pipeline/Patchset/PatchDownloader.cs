using KernelCI.Client.Storage;

namespace KernelCI.Pipeline.Patchset;

/// <summary>Fetches a patch from our storage or an allowlisted host, never anywhere else (so a patchset cannot make
/// the pipeline reach internal addresses).</summary>
internal sealed class PatchDownloader(StorageClient storage, PublicUrls urls, PipelineOptions pipelineOptions, PatchsetOptions options,
    HttpClient http)
{
    public async Task<byte[]> DownloadAsync(string patchName, string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new PatchRejectedException($"{patchName}: '{url}' is not an http(s) URL");
        }

        using var buffer = new MemoryStream();
        if (urls.PathOf(url) is { } path)
        {
            await storage.DownloadAsync(path, buffer, cancellationToken);
        }
        else if (Allowed(uri.Host))
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new PatchRejectedException($"{patchName}: {url} answered {(int)response.StatusCode}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await CopyLimitedAsync(patchName, body, buffer, cancellationToken);
        }
        else
        {
            throw new PatchRejectedException($"{patchName}: host '{uri.Host}' is not the storage host nor an allowed domain");
        }

        if (buffer.Length > options.MaxPatchBytes)
        {
            throw new PatchRejectedException($"{patchName}: larger than {options.MaxPatchBytes} bytes");
        }

        return buffer.ToArray();
    }

    private bool Allowed(string host)
    {
        var storageHost = Uri.TryCreate(pipelineOptions.StorageUrl, UriKind.Absolute, out var storage) ? storage.Host : null;
        return string.Equals(host, storageHost, StringComparison.OrdinalIgnoreCase)
            || options.AllowedDomains.Any(d => string.Equals(host, d, StringComparison.OrdinalIgnoreCase)
                || host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));
    }

    private async Task CopyLimitedAsync(string patchName, Stream body, MemoryStream buffer, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > options.MaxPatchBytes)
            {
                throw new PatchRejectedException($"{patchName}: larger than {options.MaxPatchBytes} bytes");
            }
        }
    }
}
