namespace KernelCI.Dashboard.Proxy;

/// <summary>A log being read: its text (gunzipped, limited) and its length when the server said it and nothing was
/// decompressed. Disposing it closes the fetch.</summary>
internal sealed class OpenedLog(HttpResponseMessage response, Stream text, long? length) : IAsyncDisposable
{
    public Stream Text { get; } = text;

    public long? Length { get; } = length;

    public async ValueTask DisposeAsync()
    {
        await Text.DisposeAsync();
        response.Dispose();
    }
}
