using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Client.Storage;

namespace KernelCI.Pipeline.Services.Nipa;

/// <summary>Writes the results files and the manifest to storage. The manifest is always rendered whole from the
/// database, and read again after each upload: if another writer changed the table meanwhile, the newer view is
/// uploaded too, so the last upload always holds every entry even when two processes publish at once.</summary>
internal sealed class NipaPublisher(StorageClient storage, PublicUrls urls, NipaStore store, NipaOptions options, TimeProvider time)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly SemaphoreSlim _manifest = new(1, 1);

    public static string FileName(string checkoutId) => $"results-{checkoutId}.json";

    public string ManifestUrl => urls.For(options.ManifestPath);

    /// <summary>Uploads one run's results file and returns its public URL.</summary>
    public async Task<string> UploadResultsAsync(string checkoutId, JsonObject file, CancellationToken cancellationToken)
    {
        var name = FileName(checkoutId);
        await UploadAsync(options.ResultsFolder, name, file.ToJsonString(Indented) + "\n", cancellationToken);
        return urls.For(options.ResultsFolder + "/" + name);
    }

    public async Task WriteManifestAsync(CancellationToken cancellationToken)
    {
        var slash = options.ManifestPath.LastIndexOf('/');
        var (folder, name) = slash < 0 ? ("", options.ManifestPath) : (options.ManifestPath[..slash], options.ManifestPath[(slash + 1)..]);
        await _manifest.WaitAsync(cancellationToken);
        try
        {
            var text = await RenderAsync(cancellationToken);
            // Bounded: each round is only needed when another writer changed the table during the previous one.
            for (var round = 0; round < 5; round++)
            {
                try
                {
                    await UploadAsync(folder, name, text, cancellationToken);
                }
                catch (StorageClientException e) when (e.Status == HttpStatusCode.Conflict)
                {
                    // Another process is uploading the manifest now (storage locks a key while it is written). Our row
                    // was written before this attempt and that writer renders the table again after its upload, so
                    // its next round carries our entry.
                    return;
                }

                var again = await RenderAsync(cancellationToken);
                if (again == text)
                {
                    return;
                }

                text = again;
            }
        }
        finally
        {
            _manifest.Release();
        }
    }

    private async Task<string> RenderAsync(CancellationToken cancellationToken) =>
        NipaManifest.Render(await store.AllAsync(cancellationToken), options, time.GetUtcNow().UtcDateTime);

    private Task UploadAsync(string folder, string name, string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return storage.UploadAsync(folder, name, () => new MemoryStream(bytes, writable: false), cancellationToken);
    }
}
