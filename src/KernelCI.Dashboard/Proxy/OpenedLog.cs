namespace KernelCI.Dashboard.Proxy;

/// <summary>A log being read: its text (gunzipped, limited) from byte <see cref="Start"/> on (0 unless a range was
/// served), and its whole length when the server said it and nothing was decompressed. Disposing it closes the fetch.</summary>
internal sealed class OpenedLog(HttpResponseMessage response, Stream text, long? length, long start = 0) : IAsyncDisposable
{
    public Stream Text { get; } = text;

    public long Start { get; } = start;

    public long? Length { get; } = length;

    public async ValueTask DisposeAsync()
    {
        await Text.DisposeAsync();
        response.Dispose();
    }
}
